package io.protect.normalize.mapping.sysmon;

import com.fasterxml.jackson.databind.JsonNode;
import io.protect.normalize.mapping.AlertMapper;
import io.protect.normalize.mapping.windows.WinEvent;

/**
 * Entry point for Sysmon events (source format {@code sysmon}; Winlogbeat JSON, NXLog JSON or
 * EventLog XML parsed by ingest): picks the mapper by event id.
 *
 * <table>
 *   <caption>Sysmon event id → OCSF class</caption>
 *   <tr><td>1, 5, 8, 10</td><td>Process Activity 1007: Launch, Terminate, Inject, Open ({@link SysmonProcessMapper})</td></tr>
 *   <tr><td>3</td><td>Network Activity 4001, Open ({@link SysmonNetworkMapper})</td></tr>
 *   <tr><td>2, 11, 15, 23, 26</td><td>File System Activity 1001: Set Attributes, Create, Create, Delete, Delete ({@link SysmonFileMapper})</td></tr>
 *   <tr><td>22</td><td>DNS Activity 4003, Traffic ({@link SysmonDnsMapper})</td></tr>
 *   <tr><td>6, 7</td><td>Module Activity 1005, Load ({@link SysmonModuleMapper})</td></tr>
 *   <tr><td>anything else (12/13/14 registry, 16, 25, ...)</td><td>Base Event 0, Other ({@link SysmonFallbackMapper})</td></tr>
 * </table>
 */
public final class SysmonMappers {

    private static final AlertMapper PROCESS = new SysmonProcessMapper();
    private static final AlertMapper NETWORK = new SysmonNetworkMapper();
    private static final AlertMapper FILE = new SysmonFileMapper();
    private static final AlertMapper DNS = new SysmonDnsMapper();
    private static final AlertMapper MODULE = new SysmonModuleMapper();
    private static final AlertMapper FALLBACK = new SysmonFallbackMapper();

    private SysmonMappers() {
    }

    /** The mapper for a parsed Sysmon event. */
    public static AlertMapper forEvent(JsonNode alert) {
        return switch (WinEvent.eventIdOf(alert)) {
            case 1, 5, 8, 10 -> PROCESS;
            case 3 -> NETWORK;
            case 2, 11, 15, 23, 26 -> FILE;
            case 22 -> DNS;
            case 6, 7 -> MODULE;
            default -> FALLBACK;
        };
    }
}
