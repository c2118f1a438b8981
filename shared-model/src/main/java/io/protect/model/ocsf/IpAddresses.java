package io.protect.model.ocsf;

/**
 * Strict, allocation-light recognisers for IPv4 and IPv6 address literals. They never resolve
 * names: {@code InetAddress.getByName} would treat a non-literal as a host name and do DNS.
 */
public final class IpAddresses {

    private IpAddresses() {}

    /** True for an IPv4 dotted quad or an IPv6 literal (optionally with a {@code %zone}). */
    public static boolean isIpAddress(String s) {
        return isIpv4(s) || isIpv6(s);
    }

    /** True for exactly four decimal octets 0-255 without leading zeros, e.g. {@code 10.0.0.1}. */
    public static boolean isIpv4(String s) {
        return s != null && isIpv4(s, 0, s.length());
    }

    private static boolean isIpv4(String s, int from, int to) {
        int octets = 0;
        int i = from;
        while (true) {
            int start = i;
            int value = 0;
            while (i < to && i - start < 4 && isDigit(s.charAt(i))) {
                value = value * 10 + (s.charAt(i) - '0');
                i++;
            }
            int len = i - start;
            // Leading zeros are rejected because some parsers read them as octal.
            if (len == 0 || len > 3 || value > 255 || (len > 1 && s.charAt(start) == '0')) {
                return false;
            }
            octets++;
            if (i == to) {
                return octets == 4;
            }
            if (s.charAt(i) != '.' || octets == 4) {
                return false;
            }
            i++;
        }
    }

    /**
     * True for an RFC 4291 textual IPv6 address: eight groups of 1-4 hex digits, at most one
     * {@code ::}, an optional trailing IPv4 dotted quad in place of the last two groups, and an
     * optional non-empty {@code %zone} suffix.
     */
    public static boolean isIpv6(String s) {
        if (s == null) {
            return false;
        }
        int end = s.indexOf('%');
        if (end == s.length() - 1) {
            return false;
        }
        if (end < 0) {
            end = s.length();
        }
        if (end < 2) {
            return false;
        }
        int groups = 0;
        boolean compressed = false;
        int i = 0;
        if (s.startsWith("::")) {
            compressed = true;
            i = 2;
            if (i == end) {
                return true;
            }
        } else if (s.charAt(0) == ':') {
            return false;
        }
        while (i < end) {
            int start = i;
            while (i < end && i - start < 5 && isHex(s.charAt(i))) {
                i++;
            }
            if (i < end && s.charAt(i) == '.') {
                // An embedded IPv4 tail must be the last thing and stands for two groups.
                return isIpv4(s, start, end) && (compressed ? groups + 2 <= 7 : groups + 2 == 8);
            }
            int len = i - start;
            if (len == 0 || len > 4) {
                return false;
            }
            groups++;
            if (i == end) {
                break;
            }
            if (s.charAt(i) != ':') {
                return false;
            }
            i++;
            if (i < end && s.charAt(i) == ':') {
                if (compressed) {
                    return false;
                }
                compressed = true;
                i++;
                if (i == end) {
                    break;
                }
            } else if (i == end) {
                return false; // a single trailing colon
            }
        }
        return compressed ? groups <= 7 : groups == 8;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isHex(char c) {
        return isDigit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }
}
