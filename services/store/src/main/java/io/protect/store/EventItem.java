package io.protect.store;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A stored event as the API returns it: the OCSF event and, once scored, its prediction. */
public record EventItem(UUID eventId, String tenantId, JsonNode ocsf, Prediction prediction, Instant storedAt) {

    /** The prediction part of an item. */
    public record Prediction(String label, double probability, String modelVersion, JsonNode features,
            Instant storedAt) {
    }

    /** One page of items and the opaque cursor of the next page ({@code null} on the last page). */
    public record Page(List<EventItem> items, String next) {
    }
}
