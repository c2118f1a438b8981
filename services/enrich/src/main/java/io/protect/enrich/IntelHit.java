package io.protect.enrich;

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

    public static IntelHit of(Indicator indicator, String matched) {
        return new IntelHit(indicator.value(), indicator.type().wire(), indicator.threat(), indicator.confidence(),
                indicator.source(), matched);
    }
}
