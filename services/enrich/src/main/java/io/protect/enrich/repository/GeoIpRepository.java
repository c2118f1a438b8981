package io.protect.enrich.repository;

import io.protect.model.events.GeoLocation;
import io.protect.enrich.Observables;
import io.protect.enrich.config.EnrichConfig;
import io.quarkus.runtime.Startup;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * The service's GeoIP database, opened once at startup from {@code protect.enrich.geo.directory}.
 * Without data it says so in one log line and every lookup finds nothing: geo context is a bonus,
 * never a reason to stop or to log per event.
 */
@ApplicationScoped
@Startup
public class GeoIpRepository {

    private static final Logger LOG = Logger.getLogger(GeoIpRepository.class);

    /** Roles of an alert's addresses in {@code enrichment.geo}. */
    public static final String SOURCE = "source";
    public static final String DESTINATION = "destination";

    private final GeoIpDatabase database;

    public GeoIpRepository(EnrichConfig config) {
        this.database = config.geo().directory().map(d -> GeoIpDatabase.open(Path.of(d))).orElseGet(GeoIpDatabase::none);
        String where = config.geo().directory().orElse("(protect.enrich.geo.directory not set)");
        if (!database.hasData()) {
            LOG.infof("GeoIP disabled: no GeoIP data in %s; alerts get no geo context (run tools/fetch-geo.sh)", where);
        } else if (!database.missingFiles().isEmpty()) {
            LOG.infof("GeoIP partly available from %s, missing %s; run tools/fetch-geo.sh", where, database.missingFiles());
        } else {
            LOG.infof("GeoIP from %s: %d ASN ranges. IP geolocation by DB-IP (https://db-ip.com), CC BY 4.0",
                    where, database.asnRanges());
        }
    }

    /** Whether any GeoIP data is loaded. */
    public boolean available() {
        return database.hasData();
    }

    /** Locations of the alert's public addresses, by role; empty when none is public or known. */
    public Map<String, GeoLocation> locate(Observables observables) {
        Map<String, GeoLocation> out = new LinkedHashMap<>();
        if (!database.hasData()) {
            return out;
        }
        if (observables.sourceIp() != null) {
            database.locate(observables.sourceIp()).ifPresent(g -> out.put(SOURCE, g));
        }
        if (observables.destinationIp() != null) {
            database.locate(observables.destinationIp()).ifPresent(g -> out.put(DESTINATION, g));
        }
        return out;
    }

    @PreDestroy
    void close() throws IOException {
        database.close();
    }
}
