package io.protect.model.events;

import com.fasterxml.jackson.core.JsonGenerator;
import io.protect.model.wire.JsonIn;
import io.protect.model.wire.JsonOut;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.util.TokenBuffer;
import io.protect.model.json.Json;
import io.protect.model.wire.WireTrees;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads and writes the {@code enrichment} object of AlertEnriched payloads: the one place its JSON
 * shape is spelled out (the schema is {@code AlertEnriched/1.0.0.json}).
 */
final class EnrichmentCodec {

    private EnrichmentCodec() {
    }

    static Enrichment read(JsonIn in, String name) throws IOException {
        boolean[] partial = {false, false};
        Object[] v = new Object[6];
        in.object(name, field -> switch (field) {
            case "partial" -> {
                partial[0] = in.bool(field);
                partial[1] = true;
                yield true;
            }
            case "missing" -> Slots.set(v, 0, in.texts(field));
            case "geo" -> Slots.set(v, 1, geo(in, field));
            case "intel" -> Slots.set(v, 2, intel(in, field));
            case "user" -> Slots.set(v, 3, user(in, field));
            case "asset" -> Slots.set(v, 4, asset(in, field));
            case "risk" -> Slots.set(v, 5, risk(in, field));
            default -> false;
        });
        if (!partial[1]) {
            throw in.missing(name + "/partial");
        }
        if (v[5] == null) {
            throw in.missing(name + "/risk");
        }
        @SuppressWarnings("unchecked")
        List<String> missing = v[0] == null ? List.of() : (List<String>) v[0];
        @SuppressWarnings("unchecked")
        Map<String, GeoLocation> geo = (Map<String, GeoLocation>) v[1];
        @SuppressWarnings("unchecked")
        List<IntelHit> intel = v[2] == null ? List.of() : (List<IntelHit>) v[2];
        return new Enrichment(partial[0], missing, geo, intel, (UserContext) v[3], (AssetContext) v[4], (RiskAssessment) v[5]);
    }

    static void write(Enrichment e, JsonGenerator g) throws IOException {
        g.writeStartObject();
        g.writeBooleanField("partial", e.partial());
        JsonOut.texts(g, "missing", e.missing());
        if (e.geo() != null) {
            g.writeObjectFieldStart("geo");
            for (Map.Entry<String, GeoLocation> entry : e.geo().entrySet()) {
                g.writeFieldName(entry.getKey());
                write(entry.getValue(), g);
            }
            g.writeEndObject();
        }
        if (e.intel() != null) {
            g.writeArrayFieldStart("intel");
            for (IntelHit h : e.intel()) {
                write(h, g);
            }
            g.writeEndArray();
        }
        if (e.user() != null) {
            g.writeFieldName("user");
            write(e.user(), g);
        }
        if (e.asset() != null) {
            g.writeFieldName("asset");
            write(e.asset(), g);
        }
        g.writeFieldName("risk");
        write(e.risk(), g);
        g.writeEndObject();
    }

    static void write(GeoLocation l, JsonGenerator g) throws IOException {
        g.writeStartObject();
        JsonOut.text(g, "ip", l.ip());
        JsonOut.text(g, "countryCode", l.countryCode());
        JsonOut.text(g, "region", l.region());
        JsonOut.text(g, "city", l.city());
        JsonOut.number(g, "latitude", l.latitude());
        JsonOut.number(g, "longitude", l.longitude());
        JsonOut.longInteger(g, "asn", l.asn());
        JsonOut.text(g, "asOrganization", l.asOrganization());
        g.writeEndObject();
    }

    static void write(IntelHit h, JsonGenerator g) throws IOException {
        g.writeStartObject();
        JsonOut.text(g, "indicator", h.indicator());
        JsonOut.text(g, "type", h.type());
        JsonOut.text(g, "threat", h.threat());
        g.writeNumberField("confidence", h.confidence());
        JsonOut.text(g, "source", h.source());
        JsonOut.text(g, "matched", h.matched());
        g.writeEndObject();
    }

    static void write(UserContext u, JsonGenerator g) throws IOException {
        g.writeStartObject();
        JsonOut.text(g, "userId", u.userId());
        JsonOut.text(g, "userName", u.userName());
        JsonOut.text(g, "department", u.department());
        g.writeNumberField("riskScore", u.riskScore());
        g.writeBooleanField("privileged", u.privileged());
        g.writeEndObject();
    }

    static void write(AssetContext a, JsonGenerator g) throws IOException {
        g.writeStartObject();
        JsonOut.text(g, "assetId", a.assetId());
        JsonOut.text(g, "ip", a.ip());
        JsonOut.text(g, "hostname", a.hostname());
        g.writeNumberField("criticality", a.criticality());
        JsonOut.text(g, "owner", a.owner());
        JsonOut.text(g, "environment", a.environment());
        g.writeEndObject();
    }

    static void write(RiskAssessment r, JsonGenerator g) throws IOException {
        g.writeStartObject();
        g.writeNumberField("score", r.score());
        g.writeArrayFieldStart("factors");
        for (RiskAssessment.Factor f : r.factors()) {
            g.writeStartObject();
            g.writeStringField("name", f.name());
            g.writeNumberField("contribution", f.contribution());
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeEndObject();
    }

    /** What a writer writes, as a tree (for an OCSF {@code enrichments[].data}, or a test). */
    static JsonNode tree(Writer writer) {
        try (TokenBuffer buffer = new TokenBuffer(Json.MAPPER, false)) {
            writer.write(buffer);
            return Json.MAPPER.readTree(buffer.asParser(Json.MAPPER));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads an enrichment object given as a tree. */
    static Enrichment fromTree(JsonNode tree) {
        try (JsonParser p = Json.MAPPER.treeAsTokens(tree)) {
            p.nextToken();
            return read(WireTrees.reader(p), "enrichment");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @FunctionalInterface
    interface Writer {
        void write(JsonGenerator g) throws IOException;
    }

    private static Map<String, GeoLocation> geo(JsonIn in, String name) throws IOException {
        Map<String, GeoLocation> geo = new LinkedHashMap<>();
        in.object(name, role -> {
            Object[] v = new Object[8];
            in.object(role, field -> switch (field) {
                case "ip" -> Slots.set(v, 0, in.text(field));
                case "countryCode" -> Slots.set(v, 1, in.text(field));
                case "region" -> Slots.set(v, 2, in.text(field));
                case "city" -> Slots.set(v, 3, in.text(field));
                case "latitude" -> Slots.set(v, 4, in.number(field));
                case "longitude" -> Slots.set(v, 5, in.number(field));
                case "asn" -> Slots.set(v, 6, in.longInteger(field));
                case "asOrganization" -> Slots.set(v, 7, in.text(field));
                default -> false;
            });
            geo.put(role, new GeoLocation((String) v[0], (String) v[1], (String) v[2], (String) v[3], (Double) v[4],
                    (Double) v[5], (Long) v[6], (String) v[7]));
            return true;
        });
        return geo;
    }

    private static List<IntelHit> intel(JsonIn in, String name) throws IOException {
        List<IntelHit> hits = new ArrayList<>();
        in.array(name, i -> {
            Object[] v = new Object[6];
            v[3] = 0;
            String item = Integer.toString(i);
            in.object(item, field -> switch (field) {
                case "indicator" -> Slots.set(v, 0, in.text(field));
                case "type" -> Slots.set(v, 1, in.text(field));
                case "threat" -> Slots.set(v, 2, in.text(field));
                case "confidence" -> Slots.set(v, 3, in.integer(field));
                case "source" -> Slots.set(v, 4, in.text(field));
                case "matched" -> Slots.set(v, 5, in.text(field));
                default -> false;
            });
            if (v[0] == null) {
                throw in.missing(name + "/" + item + "/indicator");
            }
            hits.add(new IntelHit((String) v[0], (String) v[1], (String) v[2], (Integer) v[3], (String) v[4], (String) v[5]));
        });
        return hits;
    }

    private static UserContext user(JsonIn in, String name) throws IOException {
        Object[] v = {null, null, null, 0, false};
        in.object(name, field -> switch (field) {
            case "userId" -> Slots.set(v, 0, in.text(field));
            case "userName" -> Slots.set(v, 1, in.text(field));
            case "department" -> Slots.set(v, 2, in.text(field));
            case "riskScore" -> Slots.set(v, 3, in.integer(field));
            case "privileged" -> Slots.set(v, 4, in.bool(field));
            default -> false;
        });
        return new UserContext((String) v[0], (String) v[1], (String) v[2], (Integer) v[3], (Boolean) v[4]);
    }

    private static AssetContext asset(JsonIn in, String name) throws IOException {
        Object[] v = {null, null, null, 0, null, null};
        in.object(name, field -> switch (field) {
            case "assetId" -> Slots.set(v, 0, in.text(field));
            case "ip" -> Slots.set(v, 1, in.text(field));
            case "hostname" -> Slots.set(v, 2, in.text(field));
            case "criticality" -> Slots.set(v, 3, in.integer(field));
            case "owner" -> Slots.set(v, 4, in.text(field));
            case "environment" -> Slots.set(v, 5, in.text(field));
            default -> false;
        });
        return new AssetContext((String) v[0], (String) v[1], (String) v[2], (Integer) v[3], (String) v[4], (String) v[5]);
    }

    private static RiskAssessment risk(JsonIn in, String name) throws IOException {
        Object[] v = {null, null};
        in.object(name, field -> switch (field) {
            case "score" -> Slots.set(v, 0, in.integer(field));
            case "factors" -> {
                List<RiskAssessment.Factor> factors = new ArrayList<>();
                in.array(field, i -> {
                    Object[] f = {null, 0.0};
                    in.object(Integer.toString(i), ff -> switch (ff) {
                        case "name" -> Slots.set(f, 0, in.text(ff));
                        case "contribution" -> Slots.set(f, 1, in.number(ff));
                        default -> false;
                    });
                    factors.add(new RiskAssessment.Factor((String) f[0], (Double) f[1]));
                });
                yield Slots.set(v, 1, factors);
            }
            default -> false;
        });
        if (v[0] == null) {
            throw in.missing(name + "/score");
        }
        @SuppressWarnings("unchecked")
        List<RiskAssessment.Factor> factors = v[1] == null ? List.of() : (List<RiskAssessment.Factor>) v[1];
        return new RiskAssessment((Integer) v[0], factors);
    }
}
