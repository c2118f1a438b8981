package io.protect.model.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import io.protect.model.envelope.Event;
import io.protect.model.envelope.EventEnvelope;

/**
 * How a topic's record key is chosen, so that everything that must stay in order lands on one
 * partition: events of one asset (or source IP), of one user, of one incident, of one tenant.
 * Keys are prefixed with the tenant id so tenants never share an ordering domain. When the field
 * a rule needs is absent the event id is used: the record is still accepted, only unordered.
 */
public enum PartitionKeyRule {
    /** Network telemetry: the asset, else the source IP. */
    ASSET_OR_SOURCE_IP("assetId", "sourceIp"),
    /** Identity events: the user. */
    USER_ID("userId"),
    /** Vulnerability and asset-state events: the asset. */
    ASSET_ID("assetId"),
    /** Alert and incident events: the incident. */
    INCIDENT_ID("incidentId"),
    /** Audit and tenant events: the tenant itself. */
    TENANT_ID(),
    /** No ordering need: spread by event id. */
    EVENT_ID();

    private final String[] payloadFields;

    PartitionKeyRule(String... payloadFields) {
        this.payloadFields = payloadFields;
    }

    /** The payload fields this rule looks at, in order of preference. */
    public java.util.List<String> payloadFields() {
        return java.util.List.of(payloadFields);
    }

    /** The record key for an event under this rule. */
    public String keyFor(EventEnvelope event) {
        return keyFor(event.tenant().tenantId(), event.eventId(), field -> {
            JsonNode value = event.data().get(field);
            return value != null && value.isValueNode() ? value.asText() : null;
        });
    }

    /** The record key for a typed event under this rule. */
    public String keyFor(Event<?> event) {
        KeyFields fields = event.payload() instanceof KeyFields k ? k : field -> null;
        return keyFor(event.tenant().tenantId(), event.eventId(), fields);
    }

    private String keyFor(String tenant, java.util.UUID eventId, KeyFields fields) {
        if (this == TENANT_ID) {
            return tenant;
        }
        for (String field : payloadFields) {
            String value = fields.keyField(field);
            if (value != null && !value.isEmpty()) {
                return tenant + "/" + value;
            }
        }
        return tenant + "/" + eventId;
    }
}
