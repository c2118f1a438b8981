package io.protect.tools.launcher;

import java.nio.file.Path;

/** The six pipeline services, in pipeline order, with their default HTTP ports. */
public enum Service {
    INGEST("ingest", 8080),
    ENRICH("enrich", 8081),
    NORMALIZE("normalize", 8082),
    SCORE("score", 8083),
    STORE("store", 8084),
    NOTIFY("notify", 8085);

    private final String serviceName;
    private final int defaultPort;

    Service(String serviceName, int defaultPort) {
        this.serviceName = serviceName;
        this.defaultPort = defaultPort;
    }

    public String serviceName() {
        return serviceName;
    }

    public int defaultPort() {
        return defaultPort;
    }

    /** The runnable jar the build leaves for this service. */
    public Path jar(Path repoRoot) {
        return repoRoot.resolve("services").resolve(serviceName).resolve("target/quarkus-app/quarkus-run.jar");
    }
}
