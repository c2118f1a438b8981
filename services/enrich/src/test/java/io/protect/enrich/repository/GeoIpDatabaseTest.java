package io.protect.enrich.repository;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.protect.model.events.GeoLocation;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * GeoIP and ASN lookups against the real DB-IP Lite City database and ASN tables that
 * tools/fetch-geo.sh fetched (the build runs it before the tests). Real: everything.
 */
class GeoIpDatabaseTest {

    private static GeoIpDatabase db;

    @BeforeAll
    static void open() {
        String dir = System.getProperty("protect.test.geo-directory");
        assertNotNull(dir, "surefire sets protect.test.geo-directory");
        db = GeoIpDatabase.open(Path.of(dir));
        assertEquals(java.util.List.of(), db.missingFiles(), "fetch-geo.sh must have fetched all files");
    }

    @AfterAll
    static void close() throws Exception {
        db.close();
    }

    @Test
    void googleDnsIsInTheUnitedStatesAndAnnouncedByGoogle() {
        GeoLocation g = db.locate("8.8.8.8").orElseThrow();
        assertEquals("8.8.8.8", g.ip());
        assertEquals("US", g.countryCode());
        assertEquals(15169L, g.asn());
        assertTrue(g.asOrganization().contains("Google"), g.asOrganization());
        assertNotNull(g.latitude());
        assertNotNull(g.longitude());
    }

    @Test
    void aSampleAttackerAddressHasACountryAndCity() {
        // The SSH scanner of the first-org-conf-2015 Suricata sample.
        GeoLocation g = db.locate("222.186.56.46").orElseThrow();
        assertEquals("CN", g.countryCode());
        assertNotNull(g.city());
        assertNotNull(g.asn());
    }

    @Test
    void ipv6AddressesUseTheIpv6Files() {
        GeoLocation g = db.locate("2001:4860:4860::8888").orElseThrow();
        assertNotNull(g.countryCode());
        assertEquals(15169L, g.asn());
    }

    @Test
    void privateAndNonAddressesHaveNoLocation() {
        assertTrue(db.locate("192.168.0.2").isEmpty());
        assertTrue(db.locate("10.192.91.91").isEmpty());
        assertTrue(db.locate("127.0.0.1").isEmpty());
        assertTrue(db.locate("fd00::1").isEmpty());
        assertTrue(db.locate("www.example.com").isEmpty());
    }

    @Test
    void aDirectoryWithoutDataGivesADatabaseThatKnowsNothing(@TempDir Path empty) throws Exception {
        try (GeoIpDatabase none = GeoIpDatabase.open(empty)) {
            assertEquals(4, none.missingFiles().size());
            assertTrue(none.locate("8.8.8.8").isEmpty());
        }
    }
}
