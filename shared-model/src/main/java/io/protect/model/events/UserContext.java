package io.protect.model.events;

/**
 * A tenant's user as the user directory (table enrich.users) knows them.
 *
 * @param userId     the tenant's id of the user
 * @param userName   the login name alerts carry
 * @param department the department
 * @param riskScore  0-100, the user's standing risk (e.g. from past incidents)
 * @param privileged whether the account has administrative rights
 */
public record UserContext(String userId, String userName, String department, int riskScore, boolean privileged) {

    /** This as JSON, as every AlertEnriched payload writes it. */
    public com.fasterxml.jackson.databind.JsonNode toJson() {
        return EnrichmentCodec.tree(g -> EnrichmentCodec.write(this, g));
    }
}
