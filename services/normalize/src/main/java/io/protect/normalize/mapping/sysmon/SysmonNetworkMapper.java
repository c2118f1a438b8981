package io.protect.normalize.mapping.sysmon;

import io.protect.model.events.AlertEnriched;
import io.protect.normalize.mapping.AlertMapper;
import io.protect.normalize.mapping.MappingContext;
import io.protect.normalize.mapping.OcsfParts;
import io.protect.normalize.mapping.windows.WinEvent;
import io.protect.normalize.mapping.windows.WindowsParts;
import io.protect.normalize.mapping.windows.WinCommon;
import io.protect.ocsf.model.enums.NetworkActivityActivityId;
import io.protect.ocsf.model.enums.ObservableTypeId;
import io.protect.ocsf.model.events.NetworkActivity;
import io.protect.ocsf.model.objects.NetworkEndpoint;
import io.protect.ocsf.model.objects.Observable;
import io.protect.ocsf.model.objects.Process;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Sysmon 3 (network connection detected) → OCSF Network Activity (4001), activity Open.
 * {@code SourceIp}/{@code SourcePort}/{@code SourceHostname}/{@code SourcePortName} →
 * {@code src_endpoint} (ip, port, hostname, svc_name), the {@code Destination*} fields →
 * {@code dst_endpoint} (with enrich's geo); {@code Protocol} → {@code connection_info} (name,
 * IANA number, direction from the address ranges); the process ({@code ProcessGuid},
 * {@code ProcessId}, {@code Image}, {@code User}) → {@code actor.process}; {@code UtcTime} →
 * {@code start_time}. {@code Initiated} and the {@code *IsIpv6} flags stay unmapped.
 */
public final class SysmonNetworkMapper implements AlertMapper {

    @Override
    public NetworkActivity map(AlertEnriched input, MappingContext context) {
        WinCommon c = SysmonParts.read(input, context);
        WinEvent e = c.event();
        Long utc = SysmonParts.utcTime(e, "UtcTime");
        Process process = SysmonParts.built(SysmonParts.process(e, SysmonParts.Names.PROCESS));
        NetworkEndpoint src = endpoint(e, c, "Source", true);
        NetworkEndpoint dst = endpoint(e, c, "Destination", false);
        String proto = e.data("Protocol").orElse(null);
        String srcIp = src == null ? null : src.ip();
        String dstIp = dst == null ? null : dst.ip();
        List<Observable> observables = new ArrayList<>();
        if (srcIp != null) {
            observables.add(OcsfParts.observable("src_endpoint.ip", ObservableTypeId.IP_ADDRESS, srcIp, c.enrichment()));
        }
        if (dstIp != null) {
            observables.add(OcsfParts.observable("dst_endpoint.ip", ObservableTypeId.IP_ADDRESS, dstIp, c.enrichment()));
        }
        if (dst != null && dst.hostname() != null) {
            observables.add(WindowsParts.observable("dst_endpoint.hostname", ObservableTypeId.HOSTNAME, dst.hostname()));
        }
        SysmonParts.addProcess(observables, "actor.process", process);
        SysmonParts.addHost(observables, c);
        observables.addAll(OcsfParts.intelObservables(c.enrichment(), observables));
        NetworkActivityActivityId activity = NetworkActivityActivityId.OPEN;
        String message = e.message("Sysmon 3: network connection " + srcIp + " → " + dstIp);
        NetworkActivity.Builder b = NetworkActivity.builder()
                .activityId(activity)
                .activityName(activity.caption())
                .className("Network Activity")
                .categoryName("Network Activity")
                .typeName("Network Activity: " + activity.caption())
                .time(c.time().epochMillis())
                .timezoneOffset(c.time().offsetMinutes())
                .startTime(utc)
                .severityId(c.severity())
                .severity(c.severity().caption())
                .statusId(c.status())
                .status(c.status().caption())
                .message(message)
                .srcEndpoint(src == null ? NetworkEndpoint.builder().hostname(c.device() == null ? "unknown" : c.device().hostname()).build() : src)
                .dstEndpoint(dst)
                .connectionInfo(proto == null ? null : OcsfParts.connectionInfo(proto, srcIp, dstIp, null))
                .actor(SysmonParts.actor(process))
                .device(c.device())
                .observables(observables.isEmpty() ? null : observables)
                .metadata(c.metadata())
                .riskScore(c.riskScore())
                .riskLevelId(c.riskLevel())
                .riskLevel(c.riskLevelCaption())
                .riskDetails(c.riskDetails())
                .enrichments(c.enrichments(srcIp, dstIp, input.assetId()))
                .rawData(OcsfParts.rawData(input.alert().object()));
        b.unmapped(e.fields().unmapped());
        return b.build();
    }

    private static NetworkEndpoint endpoint(WinEvent e, WinCommon c, String role, boolean isSource) {
        Optional<String> ip = e.peekData(role + "Ip");
        NetworkEndpoint.Builder b = ip.map(a -> WindowsParts.endpoint(a, null)).orElse(null);
        if (b != null) {
            e.data(role + "Ip");
        }
        Optional<String> host = e.data(role + "Hostname");
        if (b == null && host.isEmpty()) {
            return null;
        }
        if (b == null) {
            b = NetworkEndpoint.builder();
        }
        NetworkEndpoint.Builder out = b;
        e.dataPort(role + "Port").ifPresent(out::port);
        host.ifPresent(out::hostname);
        e.data(role + "PortName").ifPresent(out::svcName);
        NetworkEndpoint plain = out.build();
        if (plain.ip() == null) {
            return plain;
        }
        NetworkEndpoint geo = OcsfParts.endpoint(plain.ip(), plain.port(), c.enrichment().geoFor(plain.ip(), isSource));
        return plain.toBuilder().location(geo.location()).autonomousSystem(geo.autonomousSystem()).build();
    }
}
