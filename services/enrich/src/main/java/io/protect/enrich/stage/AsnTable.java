package io.protect.enrich.stage;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.net.InetAddress;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Autonomous systems by address range, from the ip-location-db ASN tables ({@code asn-ipv4-num.csv},
 * {@code asn-ipv6-num.csv}: {@code first,last,asn,organization} with the addresses as decimal
 * numbers). Ranges are kept in sorted primitive arrays and found by binary search: some 600,000
 * ranges take a few tens of megabytes and a lookup is about twenty comparisons.
 */
public final class AsnTable {

    /** An autonomous system. */
    public record Asn(long number, String organization) {
    }

    // Ranges as 128-bit unsigned numbers split in two longs; IPv4 uses the low half only.
    private final long[] firstHi;
    private final long[] firstLo;
    private final long[] lastHi;
    private final long[] lastLo;
    private final long[] asn;
    private final int[] organization;
    private final String[] organizations;

    private AsnTable(long[] firstHi, long[] firstLo, long[] lastHi, long[] lastLo, long[] asn, int[] organization,
            String[] organizations) {
        this.firstHi = firstHi;
        this.firstLo = firstLo;
        this.lastHi = lastHi;
        this.lastLo = lastLo;
        this.asn = asn;
        this.organization = organization;
        this.organizations = organizations;
    }

    /** An empty table: every lookup finds nothing. */
    public static AsnTable empty() {
        return new AsnTable(new long[0], new long[0], new long[0], new long[0], new long[0], new int[0], new String[0]);
    }

    /** Reads one table (IPv4 or IPv6: the numbers tell); lines that do not parse are skipped. */
    public static AsnTable read(BufferedReader lines) {
        Builder b = new Builder();
        try {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                b.add(line);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return b.build();
    }

    /** Parses CSV lines already in memory (for small tables and tests). */
    public static AsnTable of(List<String> lines) {
        Builder b = new Builder();
        lines.forEach(b::add);
        return b.build();
    }

    /** The number of ranges. */
    public int size() {
        return asn.length;
    }

    /** The autonomous system announcing an address, if any range holds it. */
    public Optional<Asn> lookup(InetAddress address) {
        BigInteger n = new BigInteger(1, address.getAddress());
        long hi = n.shiftRight(64).longValue();
        long lo = n.longValue();
        // The last range whose first address is <= the address.
        int low = 0;
        int high = asn.length - 1;
        int found = -1;
        while (low <= high) {
            int mid = (low + high) >>> 1;
            if (compare(firstHi[mid], firstLo[mid], hi, lo) <= 0) {
                found = mid;
                low = mid + 1;
            } else {
                high = mid - 1;
            }
        }
        if (found < 0 || compare(hi, lo, lastHi[found], lastLo[found]) > 0) {
            return Optional.empty();
        }
        return Optional.of(new Asn(asn[found], organizations[organization[found]]));
    }

    private static int compare(long aHi, long aLo, long bHi, long bLo) {
        int c = Long.compareUnsigned(aHi, bHi);
        return c != 0 ? c : Long.compareUnsigned(aLo, bLo);
    }

    /** Collects ranges, then sorts them by first address (the files are sorted; this makes sure). */
    private static final class Builder {
        private static final BigInteger MAX = BigInteger.ONE.shiftLeft(128).subtract(BigInteger.ONE);
        private int size;
        private long[] firstHi = new long[1024];
        private long[] firstLo = new long[1024];
        private long[] lastHi = new long[1024];
        private long[] lastLo = new long[1024];
        private long[] asn = new long[1024];
        private int[] organization = new int[1024];
        // Many ranges share an organization: each name is stored once.
        private final Map<String, Integer> organizationIds = new HashMap<>();

        void add(String line) {
            if (line.isBlank()) {
                return;
            }
            List<String> f = Csv.split(line);
            if (f.size() < 4) {
                return;
            }
            BigInteger first;
            BigInteger last;
            long number;
            try {
                first = new BigInteger(f.get(0).trim());
                last = new BigInteger(f.get(1).trim());
                number = Long.parseLong(f.get(2).trim());
            } catch (NumberFormatException e) {
                return; // a header or a damaged line
            }
            if (first.signum() < 0 || last.compareTo(MAX) > 0 || first.compareTo(last) > 0) {
                return;
            }
            if (size == asn.length) {
                grow();
            }
            firstHi[size] = first.shiftRight(64).longValue();
            firstLo[size] = first.longValue();
            lastHi[size] = last.shiftRight(64).longValue();
            lastLo[size] = last.longValue();
            asn[size] = number;
            organization[size] = organizationIds.computeIfAbsent(f.get(3).trim(), k -> organizationIds.size());
            size++;
        }

        private void grow() {
            int n = asn.length * 2;
            firstHi = Arrays.copyOf(firstHi, n);
            firstLo = Arrays.copyOf(firstLo, n);
            lastHi = Arrays.copyOf(lastHi, n);
            lastLo = Arrays.copyOf(lastLo, n);
            asn = Arrays.copyOf(asn, n);
            organization = Arrays.copyOf(organization, n);
        }

        AsnTable build() {
            String[] names = new String[organizationIds.size()];
            organizationIds.forEach((name, id) -> names[id] = name);
            boolean sorted = true;
            for (int i = 1; i < size && sorted; i++) {
                sorted = compare(firstHi[i - 1], firstLo[i - 1], firstHi[i], firstLo[i]) <= 0;
            }
            if (sorted) {
                return new AsnTable(Arrays.copyOf(firstHi, size), Arrays.copyOf(firstLo, size),
                        Arrays.copyOf(lastHi, size), Arrays.copyOf(lastLo, size), Arrays.copyOf(asn, size),
                        Arrays.copyOf(organization, size), names);
            }
            Integer[] order = new Integer[size];
            for (int i = 0; i < size; i++) {
                order[i] = i;
            }
            Arrays.sort(order, (a, b) -> compare(firstHi[a], firstLo[a], firstHi[b], firstLo[b]));
            AsnTable t = new AsnTable(new long[size], new long[size], new long[size], new long[size], new long[size],
                    new int[size], names);
            for (int i = 0; i < size; i++) {
                int j = order[i];
                t.firstHi[i] = firstHi[j];
                t.firstLo[i] = firstLo[j];
                t.lastHi[i] = lastHi[j];
                t.lastLo[i] = lastLo[j];
                t.asn[i] = asn[j];
                t.organization[i] = organization[j];
            }
            return t;
        }
    }
}
