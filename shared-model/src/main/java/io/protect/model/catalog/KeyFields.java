package io.protect.model.catalog;

/**
 * A payload that can name the fields a {@link PartitionKeyRule} keys records by ({@code assetId},
 * {@code sourceIp}, {@code userId}, ...), so that a record is keyed from its typed payload without
 * writing it to JSON first.
 */
public interface KeyFields {

    /** The value of a key field, or null when the payload has none. */
    String keyField(String name);
}
