package io.protect.model.messaging;

import io.protect.model.catalog.Topic;
import java.util.Arrays;
import java.util.Optional;

/**
 * Every SmallRye messaging channel of the pipeline and the catalog topic behind it. Java code names
 * channels (these constants), never topics; the channel-to-topic configuration is generated from
 * this enum by {@link CatalogChannelConfigSource}, so no service types a topic name.
 */
public enum Channel {
    /** ingest → security.alerts.raw */
    ALERTS_RAW_OUT(Channel.ALERTS_RAW_OUT_NAME, Direction.OUTGOING, Topic.SECURITY_ALERTS_RAW),
    /** security.alerts.raw → enrich */
    ALERTS_RAW_IN(Channel.ALERTS_RAW_IN_NAME, Direction.INCOMING, Topic.SECURITY_ALERTS_RAW),
    ALERTS_ENHANCED_OUT(Channel.ALERTS_ENHANCED_OUT_NAME, Direction.OUTGOING, Topic.SECURITY_ALERTS_ENHANCED),
    ALERTS_ENHANCED_IN(Channel.ALERTS_ENHANCED_IN_NAME, Direction.INCOMING, Topic.SECURITY_ALERTS_ENHANCED),
    ALERTS_OCSF_OUT(Channel.ALERTS_OCSF_OUT_NAME, Direction.OUTGOING, Topic.SECURITY_ALERTS_OCSF_READY),
    ALERTS_OCSF_IN(Channel.ALERTS_OCSF_IN_NAME, Direction.INCOMING, Topic.SECURITY_ALERTS_OCSF_READY),
    /** normalize → the event's domain topic; the topic is chosen per record, this is the default. */
    DOMAIN_EVENTS_OUT(Channel.DOMAIN_EVENTS_OUT_NAME, Direction.OUTGOING, Topic.NETWORK_THREATS),
    PREDICTIONS_OUT(Channel.PREDICTIONS_OUT_NAME, Direction.OUTGOING, Topic.SECURITY_ML_PREDICTIONS),
    PREDICTIONS_IN(Channel.PREDICTIONS_IN_NAME, Direction.INCOMING, Topic.SECURITY_ML_PREDICTIONS),
    NOTIFICATIONS_OUT(Channel.NOTIFICATIONS_OUT_NAME, Direction.OUTGOING, Topic.SECURITY_NOTIFICATIONS),
    /** Every stage → security.errors.dlq: the original bytes, with the failure in headers. */
    DEAD_LETTERS_OUT(Channel.DEAD_LETTERS_OUT_NAME, Direction.OUTGOING, Topic.SECURITY_ERRORS_DLQ);

    // Compile-time constants, for @Incoming/@Channel annotations.
    public static final String ALERTS_RAW_OUT_NAME = "alerts-raw-out";
    public static final String ALERTS_RAW_IN_NAME = "alerts-raw-in";
    public static final String ALERTS_ENHANCED_OUT_NAME = "alerts-enhanced-out";
    public static final String ALERTS_ENHANCED_IN_NAME = "alerts-enhanced-in";
    public static final String ALERTS_OCSF_OUT_NAME = "alerts-ocsf-out";
    public static final String ALERTS_OCSF_IN_NAME = "alerts-ocsf-in";
    public static final String DOMAIN_EVENTS_OUT_NAME = "domain-events-out";
    public static final String PREDICTIONS_OUT_NAME = "predictions-out";
    public static final String PREDICTIONS_IN_NAME = "predictions-in";
    public static final String NOTIFICATIONS_OUT_NAME = "notifications-out";
    public static final String DEAD_LETTERS_OUT_NAME = "dead-letters-out";

    /** Which way records flow through a channel. */
    public enum Direction {
        INCOMING("incoming"), OUTGOING("outgoing");

        private final String configSegment;

        Direction(String configSegment) {
            this.configSegment = configSegment;
        }

        /** The segment of {@code mp.messaging.<segment>.<channel>.*} keys. */
        public String configSegment() {
            return configSegment;
        }
    }

    private final String channelName;
    private final Direction direction;
    private final Topic topic;

    Channel(String channelName, Direction direction, Topic topic) {
        this.channelName = channelName;
        this.direction = direction;
        this.topic = topic;
    }

    public String channelName() {
        return channelName;
    }

    public Direction direction() {
        return direction;
    }

    public Topic topic() {
        return topic;
    }

    public static Optional<Channel> byName(String name) {
        return Arrays.stream(values()).filter(c -> c.channelName.equals(name)).findFirst();
    }
}
