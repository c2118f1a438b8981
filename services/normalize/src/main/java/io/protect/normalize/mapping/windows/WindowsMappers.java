package io.protect.normalize.mapping.windows;

import com.fasterxml.jackson.databind.JsonNode;
import io.protect.normalize.mapping.AlertMapper;

/**
 * Entry point for Windows Security events (source format {@code windows}; Winlogbeat JSON, NXLog
 * JSON or EventLog XML parsed by ingest): picks the mapper by event id.
 *
 * <table>
 *   <caption>event id → OCSF class</caption>
 *   <tr><td>4624, 4625, 4634, 4647, 4648, 4768, 4769, 4771, 4776</td><td>Authentication 3002 ({@link WindowsAuthenticationMapper})</td></tr>
 *   <tr><td>4672</td><td>Authorize Session 3003, Assign Privileges ({@link WindowsAuthorizeSessionMapper})</td></tr>
 *   <tr><td>4688, 4689</td><td>Process Activity 1007, Launch / Terminate ({@link WindowsProcessMapper})</td></tr>
 *   <tr><td>4720, 4722–4726, 4738, 4740, 4767, 4781</td><td>Account Change 3001 ({@link WindowsAccountChangeMapper})</td></tr>
 *   <tr><td>1100, 1102, 1104, 1105</td><td>Event Log Activity 1008 ({@link WindowsEventLogMapper})</td></tr>
 *   <tr><td>anything else</td><td>Base Event 0, activity Other ({@link WindowsFallbackMapper})</td></tr>
 * </table>
 */
public final class WindowsMappers {

    private static final AlertMapper AUTHENTICATION = new WindowsAuthenticationMapper();
    private static final AlertMapper AUTHORIZE_SESSION = new WindowsAuthorizeSessionMapper();
    private static final AlertMapper PROCESS = new WindowsProcessMapper();
    private static final AlertMapper ACCOUNT_CHANGE = new WindowsAccountChangeMapper();
    private static final AlertMapper EVENT_LOG = new WindowsEventLogMapper();
    private static final AlertMapper FALLBACK = new WindowsFallbackMapper();

    private WindowsMappers() {
    }

    /** The mapper for a parsed Windows Security event. */
    public static AlertMapper forEvent(JsonNode alert) {
        return switch (WinEvent.eventIdOf(alert)) {
            case 4624, 4625, 4634, 4647, 4648, 4768, 4769, 4771, 4776 -> AUTHENTICATION;
            case 4672 -> AUTHORIZE_SESSION;
            case 4688, 4689 -> PROCESS;
            case 4720, 4722, 4723, 4724, 4725, 4726, 4738, 4740, 4767, 4781 -> ACCOUNT_CHANGE;
            case 1100, 1102, 1104, 1105 -> EVENT_LOG;
            default -> FALLBACK;
        };
    }
}
