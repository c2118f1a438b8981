package io.protect.enrich.stage;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;
import java.util.regex.Pattern;

/** IP address literals: parsing without ever resolving a name, canonical text, public or not. */
public final class IpAddresses {

    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]+(%[\\w.-]+)?");

    private IpAddresses() {
    }

    /**
     * The address a literal denotes; empty for anything else. Only literals reach
     * {@link InetAddress#getByName}, so a host name in an alert never causes a DNS query.
     */
    public static Optional<InetAddress> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String s = text.trim();
        if (s.startsWith("[") && s.endsWith("]")) {
            s = s.substring(1, s.length() - 1);
        }
        boolean v4 = IPV4.matcher(s).matches();
        if (v4) {
            for (String octet : s.split("\\.")) {
                if (Integer.parseInt(octet) > 255) {
                    return Optional.empty();
                }
            }
        } else if (!(s.indexOf(':') >= 0 && IPV6.matcher(s).matches())) {
            return Optional.empty();
        }
        try {
            return Optional.of(InetAddress.getByName(s));
        } catch (UnknownHostException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** The canonical text of a literal (e.g. IPv6 compressed the JDK's way); empty if not a literal. */
    public static Optional<String> canonical(String text) {
        return parse(text).map(InetAddress::getHostAddress);
    }

    /**
     * Whether an address is routed on the public internet, and so can have a location: not private
     * (RFC 1918, RFC 4193), loopback, link-local, multicast, unspecified or shared (RFC 6598).
     */
    public static boolean isPublic(InetAddress address) {
        if (address.isAnyLocalAddress() || address.isLoopbackAddress() || address.isLinkLocalAddress()
                || address.isSiteLocalAddress() || address.isMulticastAddress()) {
            return false;
        }
        byte[] b = address.getAddress();
        if (b.length == 4) {
            int first = b[0] & 0xff;
            int second = b[1] & 0xff;
            boolean sharedSpace = first == 100 && second >= 64 && second < 128;
            boolean broadcastOrReserved = first >= 240 || first == 0;
            return !sharedSpace && !broadcastOrReserved;
        }
        boolean uniqueLocal = (b[0] & 0xfe) == 0xfc;
        return !uniqueLocal;
    }
}
