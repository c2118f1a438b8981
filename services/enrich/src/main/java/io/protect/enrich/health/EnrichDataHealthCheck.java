package io.protect.enrich.health;

import io.protect.enrich.repository.GeoIpRepository;
import io.protect.enrich.repository.IntelStore;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Reports the local enrichment data at {@code /q/health/ready}: whether GeoIP data is loaded and how
 * many intel indicators are. Always up: missing data degrades enrichment, it does not stop it.
 */
@Readiness
@ApplicationScoped
public class EnrichDataHealthCheck implements HealthCheck {

    private final GeoIpRepository geo;
    private final IntelStore intel;

    public EnrichDataHealthCheck(GeoIpRepository geo, IntelStore intel) {
        this.geo = geo;
        this.intel = intel;
    }

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("enrichment-data").up()
                .withData("geoip", geo.available())
                .withData("intelIndicators", intel.size())
                .build();
    }
}
