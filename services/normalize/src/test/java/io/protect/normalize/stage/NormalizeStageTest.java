package io.protect.normalize.stage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.protect.model.catalog.Topic;
import io.protect.model.json.Json;
import io.protect.normalize.AlertEnriched;
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
        assertInstanceOf(SuricataAlertMapper.class, stage.mapperFor(SuricataSamples.enriched(eve, MissingNode.getInstance())));
        ObjectNode dns = (ObjectNode) Json.parse("{\"event_type\":\"dns\",\"timestamp\":\"2024-01-01T00:00:00+0000\"}");
        assertInstanceOf(io.protect.normalize.mapping.suricataeve.SuricataEventMapper.class,
                stage.mapperFor(new AlertEnriched("suricata", null, null, dns, MissingNode.getInstance())));
        assertInstanceOf(GenericAlertMapper.class, stage.mapperFor(new AlertEnriched("generic", null, null, eve, MissingNode.getInstance())));
    }

    @Test
    void aValidAlertCarriesAssetSourceIpVersionAndItsDomainTopic() {
        ObjectNode eve = SuricataSamples.alerts().get(0).eve();
        AlertEnriched in = new AlertEnriched("suricata", "asset-9", "222.186.56.46", eve,
                SuricataSamples.enrichment("222.186.56.46", "192.168.0.2", 50));
        NormalizeStage.Result r = stage.normalize(in, SuricataSamples.context());
        assertTrue(r.valid(), r.validation()::toString);
        assertEquals(Topic.NETWORK_THREATS, r.domainTopic());
        assertEquals("asset-9", r.normalized().assetId());
        assertEquals("222.186.56.46", r.normalized().sourceIp());
        assertEquals("1.8.0", r.normalized().ocsfVersion());
        assertEquals(2004, r.normalized().ocsf().path("class_uid").asInt());
    }

    @Test
    void rawDataIsKeptByDefaultAndDroppedWhenConfigured() {
        ObjectNode eve = SuricataSamples.alerts().get(0).eve();
        AlertEnriched in = new AlertEnriched("suricata", null, "222.186.56.46", eve, MissingNode.getInstance());
        assertTrue(stage.normalize(in, SuricataSamples.context()).normalized().ocsf().has("raw_data"));
        NormalizeStage.Result lean = new NormalizeStage(false).normalize(in, SuricataSamples.context());
        assertTrue(lean.valid(), lean.validation()::toString);
        assertFalse(lean.normalized().ocsf().has("raw_data"));
    }

    @Test
    void anInvalidEventIsReportedWithItsViolations() {
        AlertEnriched in = new AlertEnriched("generic", null, null,
                Json.parse("{\"title\":\"Blocked connection\",\"src_ip\":\"203.0.113.7:51515\"}"), MissingNode.getInstance());
        NormalizeStage.Result r = stage.normalize(in, SuricataSamples.context());
        assertFalse(r.valid());
        assertTrue(r.validation().toString().contains("/evidences/0/src_endpoint/ip"));
    }
}
