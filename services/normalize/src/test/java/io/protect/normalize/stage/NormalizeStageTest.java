package io.protect.normalize.stage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.protect.model.catalog.Topic;
import io.protect.model.events.AlertEnriched;
import io.protect.model.events.SourceFormat;
import io.protect.model.json.Json;
import io.protect.model.wire.RawJson;
import io.protect.normalize.mapping.Enrichments;
import io.protect.normalize.mapping.GenericAlertMapper;
import io.protect.normalize.mapping.SuricataAlertMapper;
import io.protect.normalize.mapping.SuricataSamples;
import org.junit.jupiter.api.Test;

/** NormalizeStage with the real mappers and validator on real and hand-written alerts; nothing faked. */
class NormalizeStageTest {

    private final NormalizeStage stage = new NormalizeStage();

    @Test
    void suricataAlertsGetTheSuricataMapperAndOtherEveRecordsTheirEventMapper() {
        ObjectNode eve = SuricataSamples.alerts().get(0).eve();
        assertInstanceOf(SuricataAlertMapper.class, stage.mapperFor(SuricataSamples.enriched(eve, Enrichments.none())));
        ObjectNode dns = (ObjectNode) Json.parse("{\"event_type\":\"dns\",\"timestamp\":\"2024-01-01T00:00:00+0000\"}");
        assertInstanceOf(io.protect.normalize.mapping.suricataeve.SuricataEventMapper.class,
                stage.mapperFor(new AlertEnriched(SourceFormat.SURICATA, null, null, RawJson.of(dns), Enrichments.none())));
        assertInstanceOf(GenericAlertMapper.class, stage.mapperFor(new AlertEnriched(SourceFormat.GENERIC, null, null, RawJson.of(eve), Enrichments.none())));
    }

    @Test
    void aValidAlertCarriesAssetSourceIpVersionAndItsDomainTopic() {
        ObjectNode eve = SuricataSamples.alerts().get(0).eve();
        AlertEnriched in = new AlertEnriched(SourceFormat.SURICATA, "asset-9", "222.186.56.46", RawJson.of(eve),
                SuricataSamples.enrichment("222.186.56.46", "192.168.0.2", 50));
        NormalizeStage.Result r = stage.normalize(in, SuricataSamples.context());
        assertTrue(r.valid(), r.validation()::toString);
        assertEquals(Topic.NETWORK_THREATS, r.domainTopic());
        assertEquals("asset-9", r.normalized().assetId());
        assertEquals("222.186.56.46", r.normalized().sourceIp());
        assertEquals("1.8.0", r.normalized().ocsfVersion());
        assertEquals(2004, r.normalized().ocsf().tree().path("class_uid").asInt());
    }

    @Test
    void anAlertEnrichFoundNothingForCarriesItsZeroRiskAndNoGeo() {
        ObjectNode eve = SuricataSamples.alerts().get(0).eve();
        AlertEnriched in = new AlertEnriched(SourceFormat.SURICATA, null, "222.186.56.46", RawJson.of(eve),
                Enrichments.nothingFound());
        NormalizeStage.Result r = stage.normalize(in, SuricataSamples.context());
        assertTrue(r.valid(), r.validation()::toString);
        assertEquals(SourceFormat.SURICATA, r.normalized().sourceFormat());
        ObjectNode ocsf = r.normalized().ocsf().object();
        assertEquals(0, ocsf.path("risk_score").asInt());
        assertEquals(1, ocsf.path("enrichments").size());
        assertEquals("risk", ocsf.at("/enrichments/0/type").asText());
        assertTrue(ocsf.at("/evidences/0/src_endpoint/location").isMissingNode());
    }

    @Test
    void rawDataIsKeptByDefaultAndDroppedWhenConfigured() {
        ObjectNode eve = SuricataSamples.alerts().get(0).eve();
        AlertEnriched in = new AlertEnriched(SourceFormat.SURICATA, null, "222.186.56.46", RawJson.of(eve), Enrichments.none());
        assertTrue(stage.normalize(in, SuricataSamples.context()).normalized().ocsf().object().has("raw_data"));
        NormalizeStage.Result lean = new NormalizeStage(false).normalize(in, SuricataSamples.context());
        assertTrue(lean.valid(), lean.validation()::toString);
        assertFalse(lean.normalized().ocsf().object().has("raw_data"));
    }

    @Test
    void anInvalidEventIsReportedWithItsViolations() {
        AlertEnriched in = new AlertEnriched(SourceFormat.GENERIC, null, null,
                RawJson.of(Json.parse("{\"title\":\"Blocked connection\",\"src_ip\":\"203.0.113.7:51515\"}")), Enrichments.none());
        NormalizeStage.Result r = stage.normalize(in, SuricataSamples.context());
        assertFalse(r.valid());
        assertTrue(r.validation().toString().contains("/evidences/0/src_endpoint/ip"));
    }
}
