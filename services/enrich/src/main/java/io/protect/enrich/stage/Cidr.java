package io.protect.enrich.stage;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;

/**
 * An IPv4 or IPv6 network in CIDR notation, with its host bits cleared.
 *
 * @param network the network address
 * @param prefix  the prefix length
 */
public record Cidr(InetAddress network, int prefix) {

    /** Parses {@code address/prefix}; a bare address is a /32 or /128. Empty when malformed. */
    public static Optional<Cidr> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String s = text.trim();
        int slash = s.indexOf('/');
        Optional<InetAddress> address = IpAddresses.parse(slash < 0 ? s : s.substring(0, slash));
        if (address.isEmpty()) {
            return Optional.empty();
        }
        int bits = address.get().getAddress().length * 8;
        int prefix;
        try {
            prefix = slash < 0 ? bits : Integer.parseInt(s.substring(slash + 1));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
        if (prefix < 0 || prefix > bits) {
            return Optional.empty();
        }
        byte[] masked = mask(address.get().getAddress(), prefix);
        try {
            return Optional.of(new Cidr(InetAddress.getByAddress(masked), prefix));
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
    }

    /** Whether the address lies in this network (an IPv4 address is never in an IPv6 network). */
    public boolean contains(InetAddress address) {
        byte[] a = address.getAddress();
        byte[] n = network.getAddress();
        if (a.length != n.length) {
            return false;
        }
        return java.util.Arrays.equals(mask(a, prefix), n);
    }

    @Override
    public String toString() {
        return network.getHostAddress() + "/" + prefix;
    }

    private static byte[] mask(byte[] address, int prefix) {
        byte[] out = address.clone();
        for (int i = 0; i < out.length; i++) {
            int keep = Math.max(0, Math.min(8, prefix - i * 8));
            out[i] = (byte) (out[i] & (0xff << (8 - keep)));
        }
        return out;
    }
}
