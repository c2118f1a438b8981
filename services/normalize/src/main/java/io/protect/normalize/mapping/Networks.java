package io.protect.normalize.mapping;

import io.protect.model.ocsf.IpAddresses;
import io.protect.ocsf.model.enums.DirectionId;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Map;

/**
 * Network facts derived from addresses: whether an address is internal (RFC 1918, loopback,
 * link-local, IPv6 unique-local) and so which way a connection crossed the boundary, and IANA
 * protocol numbers.
 */
public final class Networks {

    private static final Map<String, Integer> PROTOCOL_NUMBERS = Map.of(
            "icmp", 1, "igmp", 2, "tcp", 6, "udp", 17, "gre", 47, "esp", 50, "ipv6-icmp", 58, "icmpv6", 58, "sctp", 132);

    private Networks() {
    }

    /** True for an IP literal in a private, loopback, link-local or unique-local range. */
    public static boolean isInternal(String ip) {
        if (ip == null || !IpAddresses.isIpAddress(ip)) {
            return false; // never resolve a name here: only literals are judged
        }
        try {
            InetAddress a = InetAddress.getByName(ip.trim());
            byte[] b = a.getAddress();
            boolean uniqueLocal = b.length == 16 && (b[0] & 0xfe) == 0xfc;
            return a.isSiteLocalAddress() || a.isLoopbackAddress() || a.isLinkLocalAddress() || uniqueLocal;
        } catch (UnknownHostException e) {
            return false;
        }
    }

    /**
     * The direction of a connection relative to the internal network: external → internal is
     * inbound, internal → external outbound, internal → internal lateral; unknown otherwise.
     */
    public static DirectionId direction(String srcIp, String dstIp) {
        if (srcIp == null || dstIp == null || !IpAddresses.isIpAddress(srcIp) || !IpAddresses.isIpAddress(dstIp)) {
            return DirectionId.UNKNOWN;
        }
        boolean srcIn = isInternal(srcIp);
        boolean dstIn = isInternal(dstIp);
        if (srcIn && dstIn) {
            return DirectionId.LATERAL;
        }
        if (dstIn) {
            return DirectionId.INBOUND;
        }
        if (srcIn) {
            return DirectionId.OUTBOUND;
        }
        return DirectionId.UNKNOWN;
    }

    /** The IANA protocol number of a protocol name, or null when unknown. */
    public static Integer protocolNumber(String name) {
        return name == null ? null : PROTOCOL_NUMBERS.get(name.toLowerCase(Locale.ROOT));
    }
}
