package io.protect.model.events;

import java.util.List;

/** A network sensor detected a threat (schema NetworkThreatDetected 1.1.0). */
public record NetworkThreatDetected(
        String assetId,
        String sourceIp,
        Integer sourcePort,
        String destinationIp,
        Integer destinationPort,
        String protocol,
        String signature,
        Long signatureId,
        String severity,
        String sensor,
        List<String> mitreTechniques) {
}
