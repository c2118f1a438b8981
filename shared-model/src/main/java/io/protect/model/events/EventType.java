package io.protect.model.events;

import io.protect.model.catalog.Topic;
import io.protect.model.envelope.EventEnvelope.Classification;
import io.protect.model.envelope.EventEnvelope.Sensitivity;

/**
 * Every event type Protect produces: its wire name (the schema family), the topic it is published
 * to, and its default security label. Schema versions are not repeated here; the newest version in
 * the schema index is the one producers write.
 */
public enum EventType {
    NETWORK_THREAT_DETECTED("NetworkThreatDetected", Topic.NETWORK_THREATS, Classification.CONFIDENTIAL, Sensitivity.HIGH),
    USER_AUTHENTICATION_SUCCEEDED("UserAuthenticationSucceeded", Topic.IDENTITY_AUTHENTICATION, Classification.CONFIDENTIAL, Sensitivity.MEDIUM),
    VULNERABILITY_DISCOVERED("VulnerabilityDiscovered", Topic.APPLICATION_VULNERABILITIES, Classification.CONFIDENTIAL, Sensitivity.HIGH),
    /** An alert as a sensor sent it, accepted by ingest. */
    ALERT_RECEIVED("AlertReceived", Topic.SECURITY_ALERTS_RAW, Classification.CONFIDENTIAL, Sensitivity.HIGH),
    /** An alert with GeoIP, threat intel, user and asset context and a risk score. */
    ALERT_ENRICHED("AlertEnriched", Topic.SECURITY_ALERTS_ENHANCED, Classification.CONFIDENTIAL, Sensitivity.HIGH),
    /** An alert mapped to OCSF and validated. */
    ALERT_NORMALIZED("AlertNormalized", Topic.SECURITY_ALERTS_OCSF_READY, Classification.CONFIDENTIAL, Sensitivity.HIGH),
    /** An OCSF alert with a model's prediction. */
    ALERT_SCORED("AlertScored", Topic.SECURITY_ML_PREDICTIONS, Classification.CONFIDENTIAL, Sensitivity.HIGH),
    /** A scored alert as pushed to analysts. */
    ALERT_NOTIFICATION("AlertNotification", Topic.SECURITY_NOTIFICATIONS, Classification.CONFIDENTIAL, Sensitivity.MEDIUM);

    private final String wireName;
    private final Topic topic;
    private final Classification classification;
    private final Sensitivity sensitivity;

    EventType(String wireName, Topic topic, Classification classification, Sensitivity sensitivity) {
        this.wireName = wireName;
        this.topic = topic;
        this.classification = classification;
        this.sensitivity = sensitivity;
    }

    /** The PascalCase name written in {@code eventType} and naming the schema family. */
    public String wireName() {
        return wireName;
    }

    public Topic topic() {
        return topic;
    }

    public Classification classification() {
        return classification;
    }

    public Sensitivity sensitivity() {
        return sensitivity;
    }

    /** Looks an event type up by its wire name. */
    public static java.util.Optional<EventType> byWireName(String name) {
        for (EventType t : values()) {
            if (t.wireName.equals(name)) {
                return java.util.Optional.of(t);
            }
        }
        return java.util.Optional.empty();
    }
}
