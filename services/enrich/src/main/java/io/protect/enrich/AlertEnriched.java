package io.protect.enrich;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The payload of an AlertEnriched 1.0.0 event (security.alerts.enhanced): the alert unchanged, with
 * its context beside it.
 *
 * @param sourceFormat as received
 * @param assetId      as received, else the id of the asset the enrichment found (it keys the record)
 * @param sourceIp     as received, else the alert's source address
 * @param alert        the sensor's alert, unchanged
 * @param enrichment   what was learned about the alert
 */
public record AlertEnriched(String sourceFormat, String assetId, String sourceIp, ObjectNode alert,
        Enrichment enrichment) {
}
