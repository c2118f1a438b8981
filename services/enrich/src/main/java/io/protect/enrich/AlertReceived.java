package io.protect.enrich;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The payload of an AlertReceived 1.0.0 event (security.alerts.raw): the sensor's alert as ingest
 * accepted it.
 *
 * @param sourceFormat the sensor's format: suricata, zeek, windows, generic, ...
 * @param assetId      the asset the alert is about, when ingest knew it
 * @param sourceIp     the alert's source address, when ingest knew it
 * @param alert        the sensor's alert, unchanged
 */
public record AlertReceived(String sourceFormat, String assetId, String sourceIp, ObjectNode alert) {
}
