package io.protect.store;

/** How many events and predictions a tenant has stored. */
public record TenantStats(String tenantId, long events, long predictions) {
}
