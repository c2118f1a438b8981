package io.protect.model.events;

/**
 * Where an IP address is and which network announces it (DB-IP Lite City and the ASN table). Fields
 * the data does not have are null.
 *
 * @param ip             the address looked up
 * @param countryCode    ISO 3166-1 alpha-2 country code
 * @param region         state or province
 * @param city           city
 * @param latitude       approximate latitude
 * @param longitude      approximate longitude
 * @param asn            autonomous system number
 * @param asOrganization the autonomous system's organization
 */
public record GeoLocation(String ip, String countryCode, String region, String city, Double latitude,
        Double longitude, Long asn, String asOrganization) {

    /** This as JSON, as every AlertEnriched payload writes it. */
    public com.fasterxml.jackson.databind.JsonNode toJson() {
        return EnrichmentCodec.tree(g -> EnrichmentCodec.write(this, g));
    }
}
