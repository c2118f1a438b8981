package io.protect.model.events;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The payload of an AlertReceived event (security.alerts.raw): the sensor's alert as ingest
 * accepted it, produced by ingest and consumed by enrich.
 *
 * @param sourceFormat the sensor's format: suricata, zeek, windows, cef, generic, ...
 * @param assetId      the asset the alert is about, when ingest knew it
 * @param sourceIp     the alert's source address, when ingest knew it (it keys the record)
 * @param alert        the sensor's alert, unchanged (parsed into JSON for line formats)
 */
public record AlertReceived(String sourceFormat, String assetId, String sourceIp, ObjectNode alert) {
}
