package io.protect.score.stage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.protect.model.events.AlertNormalized;
import io.protect.model.json.Json;
import io.protect.score.AlertScored;
import org.junit.jupiter.api.Test;

/** ScoreStage with the real heuristic model on a real normalized alert; nothing faked, no Kafka. */
class ScoreStageTest {

    @Test
    void carriesAssetSourceIpAndTheEventUnchanged() {
        var ocsf = Samples.suricataFinding();
        AlertScored out = new ScoreStage(new HeuristicModel())
                .score(new AlertNormalized("suricata", "srv-ssh-01", "222.186.56.46", "1.8.0", ocsf));
        assertEquals("srv-ssh-01", out.assetId());
        assertEquals("222.186.56.46", out.sourceIp());
        assertSame(ocsf, out.ocsf());
        assertEquals("heuristic-1", out.prediction().modelVersion());
    }

    @Test
    void itsJsonIsWhatTheMapperWritesWithTheEventNotCopied() {
        var ocsf = Samples.suricataFinding();
        ScoreStage stage = new ScoreStage(new HeuristicModel());
        for (AlertScored out : new AlertScored[] {
            stage.score(new AlertNormalized("suricata", "srv-ssh-01", "222.186.56.46", "1.8.0", ocsf)),
            stage.score(new AlertNormalized("suricata", null, null, "1.8.0", ocsf))}) {
            assertEquals(Json.MAPPER.valueToTree(out), out.toJson());
            assertSame(ocsf, out.toJson().get("ocsf"));
        }
    }
}
