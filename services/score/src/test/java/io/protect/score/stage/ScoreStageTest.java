package io.protect.score.stage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.protect.model.events.AlertNormalized;
import io.protect.model.events.AlertScored;
import io.protect.model.events.SourceFormat;
import io.protect.model.wire.RawJson;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** ScoreStage with the real heuristic model on a real normalized alert; nothing faked, no Kafka. */
class ScoreStageTest {

    @Test
    void carriesAssetSourceIpAndTheEventUnchanged() {
        RawJson ocsf = RawJson.of(Samples.suricataFinding());
        AlertScored out = new ScoreStage(new HeuristicModel())
                .score(new AlertNormalized(SourceFormat.SURICATA, "srv-ssh-01", "222.186.56.46", "1.8.0", ocsf));
        assertEquals("srv-ssh-01", out.assetId());
        assertEquals("222.186.56.46", out.sourceIp());
        assertSame(ocsf, out.ocsf());
        assertEquals("heuristic-1", out.prediction().modelVersion());
    }

    @Test
    void theEventReadOffTheWireIsScoredFromItsBytesAndPassedOnAsThem() {
        byte[] text = Samples.suricataFinding().toString().getBytes(StandardCharsets.UTF_8);
        RawJson ocsf = RawJson.ofBytes(text);
        AlertScored out = new ScoreStage(new HeuristicModel())
                .score(new AlertNormalized(SourceFormat.SURICATA, null, null, "1.8.0", ocsf));
        assertSame(ocsf, out.ocsf(), "passed on as it came");
        assertTrue(out.ocsf().isBytes(), "still the bytes it came as: written back out without serializing");
        assertEquals(new ScoreStage(new HeuristicModel()).score(new AlertNormalized(SourceFormat.SURICATA, null, null,
                "1.8.0", RawJson.of(Samples.suricataFinding()))).prediction(), out.prediction());
    }
}
