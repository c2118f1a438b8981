package io.protect.tools.ocsf;

import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;

/** Locates the tiny OCSF schema under {@code src/test/resources/fixture-schema}. */
final class Fixture {

    private Fixture() {}

    static Path schemaDir() {
        URL url = Fixture.class.getResource("/fixture-schema/dictionary.json");
        if (url == null) {
            throw new IllegalStateException("fixture schema missing from the test classpath");
        }
        try {
            return Path.of(url.toURI()).getParent();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
