package io.protect.normalize.stage;

import io.protect.model.catalog.Topic;

/**
 * Which domain topic an OCSF event is published to, as a pure function of its class.
 *
 * <p>Explicit classes: 2004 Detection Finding → network.threats; 3002 Authentication →
 * identity.authentication; 3001 Account Change → identity.account-changes; 4001 Network Activity →
 * network.flows; 4002 HTTP Activity → network.http; 4003 DNS Activity → network.dns; 1001 File
 * System Activity → data.file-activity; 1007 Process Activity → monitoring.system-activity;
 * 6003 API Activity → application.api-activity; 2002 Vulnerability Finding →
 * application.vulnerabilities.
 *
 * <p>Any other class goes by category: System Activity (1) → monitoring.system-activity, Network
 * Activity (4) → network.flows, Identity &amp; Access (3) → identity.authentication, Application
 * Activity (6) → application.api-activity; Findings (2), the Base Event (0) and everything else →
 * network.threats, because what normalize receives is an alert, and a threat is what an alert that
 * fits nowhere else is about.
 */
public final class DomainTopics {

    private DomainTopics() {
    }

    /** The domain topic of an OCSF class. */
    public static Topic forClass(int classUid) {
        return switch (classUid) {
            case 2004 -> Topic.NETWORK_THREATS;
            case 3002 -> Topic.IDENTITY_AUTHENTICATION;
            case 3001 -> Topic.IDENTITY_ACCOUNT_CHANGES;
            case 4001 -> Topic.NETWORK_FLOWS;
            case 4002 -> Topic.NETWORK_HTTP;
            case 4003 -> Topic.NETWORK_DNS;
            case 1001 -> Topic.DATA_FILE_ACTIVITY;
            case 1007 -> Topic.MONITORING_SYSTEM_ACTIVITY;
            case 6003 -> Topic.APPLICATION_API_ACTIVITY;
            case 2002 -> Topic.APPLICATION_VULNERABILITIES;
            // Base Events: telemetry no specific class fits (sensor statistics, Windows events
            // without a core class), which is monitoring data rather than a threat.
            case 0 -> Topic.MONITORING_SYSTEM_ACTIVITY;
            default -> switch (classUid / 1000) {
                case 1 -> Topic.MONITORING_SYSTEM_ACTIVITY;
                case 3 -> Topic.IDENTITY_AUTHENTICATION;
                case 4 -> Topic.NETWORK_FLOWS;
                case 6 -> Topic.APPLICATION_API_ACTIVITY;
                default -> Topic.NETWORK_THREATS;
            };
        };
    }
}
