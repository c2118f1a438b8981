package io.protect.enrich.repository;

import io.protect.enrich.Indicator;
import io.protect.model.events.IntelHit;
import io.protect.enrich.Observables;
import io.protect.enrich.config.EnrichConfig;
import io.protect.enrich.stage.IndicatorCsvParser;
import io.protect.enrich.stage.IndicatorIndex;
import io.protect.enrich.stage.ParsedFeed;
import io.protect.enrich.stage.StixBundleParser;
import io.protect.model.json.Json;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.jboss.logging.Logger;

/**
 * The local threat intelligence store: the indicators of the shipped default feed and of every
 * feed file in {@code protect.enrich.intel.directory}, held in memory and matched against alerts.
 * {@link #reload()} reads the files again and swaps the new index in whole, so a lookup sees either
 * the old or the new indicators, never a mix.
 */
@ApplicationScoped
@Startup
public class IntelStore {

    private static final Logger LOG = Logger.getLogger(IntelStore.class);

    /** The feeds in the jar; the source name of their indicators is the file name. */
    static final List<String> DEFAULT_FEEDS = List.of("intel/default-feed.stix.json", "intel/default-feed.csv");

    /** What a load found. */
    public record LoadReport(int indicators, List<String> sources, List<String> rejected) {
    }

    private final EnrichConfig config;
    private final Clock clock;
    private volatile IndicatorIndex index = IndicatorIndex.empty();

    public IntelStore(EnrichConfig config) {
        this.config = config;
        this.clock = Clock.systemUTC();
        reload();
    }

    /** Every indicator the alert matches. */
    public List<IntelHit> match(Observables observables) {
        return index.match(observables);
    }

    /** How many indicators are loaded. */
    public int size() {
        return index.size();
    }

    /** Reads all feeds again (blocking file I/O: call it from a worker thread) and swaps them in. */
    public synchronized LoadReport reload() {
        List<Indicator> indicators = new ArrayList<>();
        List<String> sources = new ArrayList<>();
        List<String> rejected = new ArrayList<>();
        if (config.intel().defaultFeed()) {
            for (String resource : DEFAULT_FEEDS) {
                String name = resource.substring(resource.lastIndexOf('/') + 1);
                try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(resource)) {
                    if (in == null) {
                        throw new IllegalStateException("default intel feed " + resource + " missing from the jar");
                    }
                    add(parse(name, new String(in.readAllBytes(), StandardCharsets.UTF_8)), name, indicators, sources, rejected);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
        config.intel().directory().map(Path::of).ifPresent(dir -> {
            if (!Files.isDirectory(dir)) {
                LOG.infof("Intel feed directory %s does not exist; only the default feed is loaded", dir);
                return;
            }
            try (Stream<Path> files = Files.list(dir)) {
                for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
                    String name = f.getFileName().toString();
                    String lower = name.toLowerCase(Locale.ROOT);
                    if (!lower.endsWith(".json") && !lower.endsWith(".csv")) {
                        continue;
                    }
                    try {
                        add(parse(name, Files.readString(f, StandardCharsets.UTF_8)), name, indicators, sources, rejected);
                    } catch (IOException | RuntimeException e) {
                        // One unreadable feed must not take the others down.
                        rejected.add(name + ": " + e.getMessage());
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot list intel feed directory " + dir, e);
            }
        });
        index = new IndicatorIndex(indicators);
        rejected.forEach(r -> LOG.warnf("Intel entry ignored: %s", r));
        LOG.infof("Intel store loaded %d indicators from %s", indicators.size(), sources);
        return new LoadReport(indicators.size(), List.copyOf(sources), List.copyOf(rejected));
    }

    private ParsedFeed parse(String name, String text) {
        if (name.toLowerCase(Locale.ROOT).endsWith(".json")) {
            return StixBundleParser.parse(Json.parse(text), name, clock.instant());
        }
        return IndicatorCsvParser.parse(text.lines().toList(), name);
    }

    private static void add(ParsedFeed feed, String name, List<Indicator> indicators, List<String> sources,
            List<String> rejected) {
        indicators.addAll(feed.indicators());
        sources.add(name);
        rejected.addAll(feed.rejected());
    }
}
