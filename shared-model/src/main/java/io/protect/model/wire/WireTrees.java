package io.protect.model.wire;

import com.fasterxml.jackson.core.JsonParser;

/** Readers over parsers that are not a record's bytes (a tree, a token buffer): values are carried as trees. */
public final class WireTrees {

    private WireTrees() {
    }

    /** A reader over a parser positioned on its first token; carried values are subtrees. */
    public static JsonIn reader(JsonParser parser) {
        return new JsonIn(parser, null, 0);
    }
}
