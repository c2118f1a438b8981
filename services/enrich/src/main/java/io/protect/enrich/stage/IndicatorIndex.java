package io.protect.enrich.stage;

import io.protect.enrich.Indicator;
import io.protect.model.events.IntelHit;
import io.protect.enrich.Observables;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The indicators of all feeds, indexed for matching an alert: addresses, domains and hashes by
 * exact value (a domain also matches its subdomains), CIDRs by scanning (feeds carry few networks).
 * Immutable: a reload builds a new index and swaps it in whole.
 */
public final class IndicatorIndex {

    private final Map<String, List<Indicator>> ips = new HashMap<>();
    private final Map<String, List<Indicator>> domains = new HashMap<>();
    private final Map<String, List<Indicator>> hashes = new HashMap<>();
    private final List<Map.Entry<Cidr, Indicator>> cidrs = new ArrayList<>();
    private final int size;

    public IndicatorIndex(Collection<Indicator> indicators) {
        for (Indicator i : indicators) {
            switch (i.type()) {
                case IP -> ips.computeIfAbsent(i.value(), k -> new ArrayList<>()).add(i);
                case CIDR -> Cidr.parse(i.value()).ifPresent(c -> cidrs.add(Map.entry(c, i)));
                case DOMAIN -> domains.computeIfAbsent(i.value(), k -> new ArrayList<>()).add(i);
                case SHA256, MD5 -> hashes.computeIfAbsent(i.value(), k -> new ArrayList<>()).add(i);
            }
        }
        this.size = indicators.size();
    }

    public static IndicatorIndex empty() {
        return new IndicatorIndex(List.of());
    }

    /** The number of indicators indexed. */
    public int size() {
        return size;
    }

    /** Every indicator the alert's addresses, host names and hashes match; one hit per indicator and observable. */
    public List<IntelHit> match(Observables observables) {
        Map<String, IntelHit> hits = new LinkedHashMap<>();
        for (String ip : observables.ips()) {
            Optional<InetAddress> address = IpAddresses.parse(ip);
            if (address.isEmpty()) {
                continue;
            }
            String canonical = address.get().getHostAddress();
            ips.getOrDefault(canonical, List.of()).forEach(i -> add(hits, i, canonical));
            for (Map.Entry<Cidr, Indicator> c : cidrs) {
                if (c.getKey().contains(address.get())) {
                    add(hits, c.getValue(), canonical);
                }
            }
        }
        for (String host : observables.hostnames()) {
            // evil.example matches www.evil.example too: walk up the labels.
            for (String d = host; d != null; d = parent(d)) {
                String matched = host;
                domains.getOrDefault(d, List.of()).forEach(i -> add(hits, i, matched));
            }
        }
        for (String hash : observables.hashes()) {
            hashes.getOrDefault(hash, List.of()).forEach(i -> add(hits, i, hash));
        }
        return List.copyOf(hits.values());
    }

    private static void add(Map<String, IntelHit> hits, Indicator indicator, String matched) {
        hits.putIfAbsent(indicator.type() + "|" + indicator.value() + "|" + indicator.source() + "|" + matched,
                indicator.hit(matched));
    }

    private static String parent(String domain) {
        int dot = domain.indexOf('.');
        return dot < 0 ? null : domain.substring(dot + 1);
    }
}
