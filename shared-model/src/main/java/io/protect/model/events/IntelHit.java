package io.protect.model.events;

/**
 * An indicator an alert matched.
 *
 * @param indicator  the indicator's value (an address, CIDR, domain or hash)
 * @param type       the indicator's type (ip, cidr, domain, sha256, md5)
 * @param threat     what the indicator means
 * @param confidence 0-100
 * @param source     the feed it came from
 * @param matched    the alert's observable that matched it (e.g. the address inside a CIDR)
 */
public record IntelHit(String indicator, String type, String threat, int confidence, String source, String matched) {

    /** This as JSON, as every AlertEnriched payload writes it. */
    public com.fasterxml.jackson.databind.JsonNode toJson() {
        return EnrichmentCodec.tree(g -> EnrichmentCodec.write(this, g));
    }
}
