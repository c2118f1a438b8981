package io.protect.model.ocsf;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The strict IP literal recognisers used for {@code ip_t}. */
class IpAddressesTest {

    @ParameterizedTest
    @ValueSource(strings = {"0.0.0.0", "10.0.0.1", "255.255.255.255", "192.168.200.24", "1.2.3.4"})
    void acceptsIpv4(String s) {
        assertTrue(IpAddresses.isIpv4(s), s);
        assertTrue(IpAddresses.isIpAddress(s), s);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "10.0.0.300", "10.0.0", "10.0.0.1.2", "010.0.0.1", "1.2.3.4 ", " 1.2.3.4",
        "1..2.3", "a.b.c.d", "1.2.3.-4", "256.1.1.1", "1.2.3.4/24", "1.2.3.1234"})
    void rejectsBadIpv4(String s) {
        assertFalse(IpAddresses.isIpv4(s), s);
    }

    @ParameterizedTest
    @ValueSource(strings = {"::", "::1", "1::", "2001:db8::1", "2001:0db8:85a3:0000:0000:8a2e:0370:7334",
        "fe80::1%eth0", "::ffff:192.0.2.128", "64:ff9b::192.0.2.33", "1:2:3:4:5:6:7:8", "1:2:3:4:5:6:1.2.3.4",
        "1::8", "FE80::ABCD"})
    void acceptsIpv6(String s) {
        assertTrue(IpAddresses.isIpv6(s), s);
        assertTrue(IpAddresses.isIpAddress(s), s);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", ":", ":::", "1:2:3:4:5:6:7:8:9", "1::2::3", ":1:2:3:4:5:6:7", "1:2:3:4:5:6:7:",
        "12345::", "g::1", "1:2:3:4:5:6:7", "fe80::1%", "::ffff:192.0.2.256", "1:2:3:4:5:6:7:1.2.3.4",
        "1.2.3.4", "localhost", "2001:db8::1 "})
    void rejectsBadIpv6(String s) {
        assertFalse(IpAddresses.isIpv6(s), s);
    }
}
