package io.protect.tools.ocsf;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.Map;

/** Deep merge of JSON objects with the OCSF server's semantics: the right side wins, objects merge. */
final class JsonMerge {

    private JsonMerge() {}

    /**
     * Returns a new object holding {@code left} overlaid with {@code right}: nested objects are merged
     * recursively, anything else (including an explicit JSON null) on the right replaces the left.
     * Neither argument is modified; a missing side counts as an empty object.
     */
    static ObjectNode deepMerge(JsonNode left, JsonNode right) {
        ObjectNode result = left instanceof ObjectNode o ? o.deepCopy() : JsonNodeFactory.instance.objectNode();
        if (!(right instanceof ObjectNode r)) {
            return result;
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = r.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            JsonNode existing = result.get(e.getKey());
            JsonNode incoming = e.getValue();
            if (existing instanceof ObjectNode && incoming instanceof ObjectNode) {
                result.set(e.getKey(), deepMerge(existing, incoming));
            } else {
                result.set(e.getKey(), incoming.deepCopy());
            }
        }
        return result;
    }
}
