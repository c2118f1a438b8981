package io.protect.service.common;

import io.protect.model.envelope.EnvelopeFactory;
import io.protect.model.envelope.EventEnvelope;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.net.InetAddress;
import java.net.UnknownHostException;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Makes the service's {@link EnvelopeFactory}: events name this service, its version and instance. */
public class EnvelopeFactoryProducer {

    @Produces
    @Singleton
    EnvelopeFactory envelopeFactory(@ConfigProperty(name = "quarkus.application.name") String service,
            @ConfigProperty(name = "quarkus.application.version", defaultValue = "0.0.0") String version) {
        return new EnvelopeFactory(new EventEnvelope.Source(service, version, instance(service)));
    }

    /** The pod or host name, which is what tells two replicas of one service apart. */
    private static String instance(String service) {
        String host = System.getenv("HOSTNAME");
        if (host == null || host.isBlank()) {
            try {
                host = InetAddress.getLocalHost().getHostName();
            } catch (UnknownHostException e) {
                host = service;
            }
        }
        return host + "-" + ProcessHandle.current().pid();
    }
}
