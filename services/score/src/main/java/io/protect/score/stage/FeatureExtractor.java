package io.protect.score.stage;

import com.fasterxml.jackson.databind.JsonNode;
import io.protect.model.ocsf.IpAddresses;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Reads the features a model scores from an OCSF event of any class. Endpoints are looked for in
 * {@code evidences[]} (findings) and at the top level ({@code src_endpoint}/{@code dst_endpoint},
 * network activity classes); intel in {@code observables[].reputation} and
 * {@code enrichments[type=threat_intel]}; ATT&amp;CK in {@code attacks} and
 * {@code finding_info.attacks}. Anything absent reads as 0.
 */
public final class FeatureExtractor {

    /** Remote administration, file sharing, databases and container/cluster APIs. */
    private static final Set<Integer> SENSITIVE_PORTS = Set.of(21, 22, 23, 135, 139, 445, 1433, 1521, 2375, 2376,
            3306, 3389, 5432, 5900, 5985, 5986, 6379, 6443, 9200, 11211, 27017);
    private static final Set<Integer> WEB_PORTS = Set.of(80, 443, 8000, 8008, 8080, 8443);

    /** The features of one event. */
    public Features extract(JsonNode ocsf) {
        return new Features(
                enumValue(ocsf.path("severity_id"), 6),
                Math.max(0, Math.min(100, ocsf.path("risk_score").asInt(0))),
                intelHits(ocsf),
                maxReputation(ocsf),
                attackTechniques(ocsf),
                srcExternal(ocsf),
                portClass(endpoint(ocsf, "dst_endpoint").path("port")),
                enumValue(ocsf.path("confidence_id"), 3));
    }

    /** An OCSF enum id within 0..max; Other (99) and anything unexpected read as 0 (unknown). */
    private static int enumValue(JsonNode v, int max) {
        int n = v.isIntegralNumber() ? v.asInt() : 0;
        return n >= 0 && n <= max ? n : 0;
    }

    private static int intelHits(JsonNode ocsf) {
        Set<String> values = new LinkedHashSet<>();
        for (JsonNode e : ocsf.path("enrichments")) {
            if ("threat_intel".equals(e.path("type").asText()) && e.hasNonNull("value")) {
                values.add(e.get("value").asText());
            }
        }
        for (JsonNode o : ocsf.path("observables")) {
            if (o.path("reputation").isObject() && o.hasNonNull("value")) {
                values.add(o.get("value").asText());
            }
        }
        return values.size();
    }

    private static double maxReputation(JsonNode ocsf) {
        double max = 0;
        for (String array : new String[] {"observables", "enrichments"}) {
            for (JsonNode x : ocsf.path(array)) {
                JsonNode s = x.path("reputation").path("base_score");
                if (s.isNumber()) {
                    max = Math.max(max, Math.max(0, Math.min(100, s.asDouble())));
                }
            }
        }
        return max;
    }

    private static int attackTechniques(JsonNode ocsf) {
        Set<String> ids = new LinkedHashSet<>();
        for (JsonNode list : new JsonNode[] {ocsf.path("attacks"), ocsf.path("finding_info").path("attacks")}) {
            for (JsonNode a : list) {
                JsonNode t = a.path("sub_technique").isObject() ? a.get("sub_technique") : a.path("technique");
                String id = t.path("uid").asText(t.path("name").asText(""));
                if (!id.isEmpty()) {
                    ids.add(id);
                }
            }
        }
        return ids.size();
    }

    private static int srcExternal(JsonNode ocsf) {
        String ip = endpoint(ocsf, "src_endpoint").path("ip").asText(null);
        return ip != null && IpAddresses.isIpAddress(ip) && !isInternal(ip) ? 1 : 0;
    }

    /** The first endpoint of a role: in evidences, else at the top level. */
    private static JsonNode endpoint(JsonNode ocsf, String role) {
        for (JsonNode e : ocsf.path("evidences")) {
            if (e.path(role).isObject()) {
                return e.get(role);
            }
        }
        return ocsf.path(role);
    }

    static int portClass(JsonNode port) {
        if (!port.isIntegralNumber()) {
            return 0;
        }
        int p = port.asInt();
        if (SENSITIVE_PORTS.contains(p)) {
            return Features.PORT_SENSITIVE;
        }
        if (WEB_PORTS.contains(p)) {
            return 3;
        }
        if (p >= 49152 && p <= 65535) {
            return 1;
        }
        return p > 0 && p < 49152 ? 2 : 0;
    }

    /** RFC 1918, loopback, link-local and IPv6 unique-local; the caller passes validated literals only. */
    static boolean isInternal(String ip) {
        try {
            InetAddress a = InetAddress.getByName(ip.trim());
            byte[] b = a.getAddress();
            boolean uniqueLocal = b.length == 16 && (b[0] & 0xfe) == 0xfc;
            return a.isSiteLocalAddress() || a.isLoopbackAddress() || a.isLinkLocalAddress() || uniqueLocal;
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
