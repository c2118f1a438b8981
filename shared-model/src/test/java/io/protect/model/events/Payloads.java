package io.protect.model.events;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.protect.model.envelope.EnvelopeFactory;
import io.protect.model.envelope.Event;
import io.protect.model.envelope.EventEnvelope;
import io.protect.model.json.Json;
import io.protect.model.wire.RawJson;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** One realistic payload of each pipeline event type, as the stages make them. */
public final class Payloads {

    /** A Suricata alert as a sensor sends it. */
    public static final String SURICATA = """
            {"timestamp":"2017-03-18T13:15:07.457961-0700","flow_id":1163716153429651,"in_iface":"eth0",\
            "event_type":"alert","src_ip":"203.0.113.9","src_port":49152,"dest_ip":"10.0.0.5","dest_port":445,\
            "proto":"TCP","alert":{"action":"allowed","gid":1,"signature_id":2010936,"rev":3,\
            "signature":"ET SCAN Suspicious inbound to MSSQL port 1433","category":"Potentially Bad Traffic",\
            "severity":2},"payload_printable":"caf\\u00e9 \\"quoted\\" \\\\ back"}""";

    /** An OCSF Detection Finding as normalize writes one (abridged, but valid). */
    public static final String OCSF = """
            {"activity_id":1,"category_uid":2,"class_uid":2004,"type_uid":200401,"severity_id":3,\
            "time":1489868107457,"metadata":{"version":"1.8.0","product":{"name":"Suricata","vendor_name":"OISF"}},\
            "finding_info":{"title":"ET SCAN Suspicious inbound to MSSQL port 1433","uid":"2010936"},\
            "risk_score":61,"message":"caf\\u00e9 \\u2713"}""";

    public static final EventEnvelope.Tenant ACME = new EventEnvelope.Tenant("acme", "acme-corp");
    static final EnvelopeFactory FACTORY = new EnvelopeFactory(new EventEnvelope.Source("test", "1.0.0", "test-1"));

    private Payloads() {
    }

    public static AlertReceived received() {
        return new AlertReceived(SourceFormat.SURICATA, null, "203.0.113.9", RawJson.of(Json.parse(SURICATA)));
    }

    public static Enrichment enrichment() {
        Map<String, GeoLocation> geo = new LinkedHashMap<>();
        geo.put("source", new GeoLocation("203.0.113.9", "NL", "North Holland", "Amsterdam", 52.37, 4.89, 64496L,
                "Example Net"));
        return new Enrichment(true, List.of("user"), geo,
                List.of(new IntelHit("203.0.113.0/24", "cidr", "scanner", 80, "default", "203.0.113.9")),
                new UserContext("u-1", "alice", "finance", 40, true),
                new AssetContext("srv-1", "10.0.0.5", "db01", 5, "dba", "production"),
                new RiskAssessment(61, List.of(new RiskAssessment.Factor("severity", 30.0),
                        new RiskAssessment.Factor("intel", 31.5))));
    }

    public static AlertEnriched enriched() {
        return new AlertEnriched(SourceFormat.SURICATA, "srv-1", "203.0.113.9", RawJson.of(Json.parse(SURICATA)),
                enrichment());
    }

    public static AlertNormalized normalized() {
        return new AlertNormalized(SourceFormat.SURICATA, "srv-1", "203.0.113.9", "1.8.0",
                RawJson.of((ObjectNode) Json.parse(OCSF)));
    }

    public static AlertScored scored() {
        Map<String, Double> features = new LinkedHashMap<>();
        features.put("severity", 3.0);
        features.put("intel_hits", 1.0);
        return new AlertScored("srv-1", "203.0.113.9", new Prediction("suspicious", 0.61, "heuristic-1", features),
                RawJson.of(Json.parse(OCSF)));
    }

    public static AlertNotification notification() {
        return new AlertNotification("ET SCAN Suspicious inbound to MSSQL port 1433", 3, "Medium", "suspicious", 0.61,
                2004, 1489868107457L, "203.0.113.9", null, 61, 2);
    }

    /** An event of a type around a payload, as a stage would make it. */
    public static <T> Event<T> event(EventType type, T payload) {
        return FACTORY.createEvent(type, ACME, payload, null);
    }
}
