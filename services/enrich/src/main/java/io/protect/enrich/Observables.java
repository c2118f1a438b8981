package io.protect.enrich;

import java.util.List;

/**
 * What can be looked up about an alert, read from the sensor's fields.
 *
 * @param sourceIp      the source address, if any
 * @param destinationIp the destination address, if any
 * @param hostnames     host names the alert names (HTTP host, DNS query, TLS SNI), lower case
 * @param hashes        file hashes the alert carries, lower case
 * @param userName      the user the alert names, if any
 * @param severity      the alert's severity, if the sensor gave one
 */
public record Observables(String sourceIp, String destinationIp, List<String> hostnames, List<String> hashes,
        String userName, Severity severity) {

    /** The addresses of the alert, source first. */
    public List<String> ips() {
        return java.util.stream.Stream.of(sourceIp, destinationIp).filter(java.util.Objects::nonNull).distinct().toList();
    }
}
