package io.protect.model.events;

import io.protect.model.catalog.KeyFields;

/**
 * The key fields every alert payload carries from stage to stage, so that an alert keeps its
 * partition (and its order) from ingest to the store: the asset, else the source address
 * ({@link io.protect.model.catalog.PartitionKeyRule#ASSET_OR_SOURCE_IP}).
 */
interface AlertKeys extends KeyFields {

    /** The asset the alert is about, when known. */
    String assetId();

    /** The alert's source address, when known. */
    String sourceIp();

    @Override
    default String keyField(String name) {
        return switch (name) {
            case "assetId" -> assetId();
            case "sourceIp" -> sourceIp();
            default -> null;
        };
    }
}
