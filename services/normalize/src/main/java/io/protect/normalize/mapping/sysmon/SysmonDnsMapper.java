package io.protect.normalize.mapping.sysmon;

import io.protect.model.events.AlertEnriched;
import io.protect.normalize.mapping.AlertMapper;
import io.protect.normalize.mapping.MappingContext;
import io.protect.normalize.mapping.OcsfParts;
import io.protect.normalize.mapping.windows.WinEvent;
import io.protect.normalize.mapping.windows.WindowsParts;
import io.protect.normalize.mapping.windows.WinCommon;
import io.protect.ocsf.model.enums.DnsActivityActivityId;
import io.protect.ocsf.model.enums.DnsActivityRcodeId;
import io.protect.ocsf.model.enums.ObservableTypeId;
import io.protect.ocsf.model.events.DnsActivity;
import io.protect.ocsf.model.objects.DnsAnswer;
import io.protect.ocsf.model.objects.DnsQuery;
import io.protect.ocsf.model.objects.NetworkEndpoint;
import io.protect.ocsf.model.objects.Observable;
import io.protect.ocsf.model.objects.Process;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Sysmon 22 (DNS query) → OCSF DNS Activity (4003), activity Traffic: Sysmon logs the query
 * together with its outcome, i.e. request and response in one record. {@code QueryName} →
 * {@code query.hostname}; {@code QueryStatus} (a Win32 status) → {@code rcode_id}: 0 → NoError,
 * 9001–9005 (DNS_ERROR_RCODE_*) → FormError, ServError, NXDomain, NotImp, Refused, 9501 (no
 * records) → NoError with no answers, anything else → Other with the code kept as {@code rcode};
 * the Win32 status itself is kept as {@code status_code};
 * {@code QueryResults} ({@code type:  5 host;::ffff:1.2.3.4;}) → {@code answers} (a
 * {@code type: N value} entry keeps the numeric type, IPv4-mapped addresses are unwrapped);
 * the querying process → {@code actor.process}, the logging host → {@code src_endpoint};
 * {@code UtcTime} → {@code start_time}.
 */
public final class SysmonDnsMapper implements AlertMapper {

    @Override
    public DnsActivity map(AlertEnriched input, MappingContext context) {
        WinCommon c = SysmonParts.read(input, context);
        WinEvent e = c.event();
        Long utc = SysmonParts.utcTime(e, "UtcTime");
        Process process = SysmonParts.built(SysmonParts.process(e, SysmonParts.Names.PROCESS));
        Optional<String> name = e.data("QueryName");
        DnsQuery query = name.map(n -> DnsQuery.builder().hostname(n).build()).orElse(null);
        Optional<Integer> status = e.dataInt("QueryStatus");
        DnsActivityRcodeId rcode = status.map(SysmonDnsMapper::rcode).orElse(null);
        List<DnsAnswer> answers = answers(e.peekData("QueryResults").orElse(null));
        if (!answers.isEmpty()) {
            e.data("QueryResults");
        }
        List<Observable> observables = new ArrayList<>();
        name.ifPresent(n -> observables.add(WindowsParts.observable("query.hostname", ObservableTypeId.HOSTNAME, n)));
        for (DnsAnswer a : answers) {
            if (WindowsParts.isIp(a.rdata())) {
                observables.add(OcsfParts.observable("answers.rdata", ObservableTypeId.IP_ADDRESS, a.rdata(), c.enrichment()));
            }
        }
        SysmonParts.addProcess(observables, "actor.process", process);
        SysmonParts.addHost(observables, c);
        observables.addAll(OcsfParts.intelObservables(c.enrichment(), observables));
        DnsActivityActivityId activity = DnsActivityActivityId.TRAFFIC;
        String message = e.message("Sysmon 22: DNS query " + name.orElse(""));
        DnsActivity.Builder b = DnsActivity.builder()
                .activityId(activity)
                .activityName(activity.caption())
                .className("DNS Activity")
                .categoryName("Network Activity")
                .typeName("DNS Activity: " + activity.caption())
                .time(c.time().epochMillis())
                .timezoneOffset(c.time().offsetMinutes())
                .startTime(utc)
                .severityId(c.severity())
                .severity(c.severity().caption())
                .statusId(c.status())
                .status(c.status().caption())
                .message(message.strip())
                .query(query)
                .statusCode(status.map(String::valueOf).orElse(null))
                .rcodeId(rcode)
                .rcode(rcode == null ? null : rcode == DnsActivityRcodeId.OTHER ? Integer.toString(status.get()) : rcode.caption())
                .answers(answers.isEmpty() ? null : answers)
                .srcEndpoint(c.device() == null ? null : NetworkEndpoint.builder().hostname(c.device().hostname()).build())
                .actor(SysmonParts.actor(process))
                .device(c.device())
                .observables(observables.isEmpty() ? null : observables)
                .metadata(c.metadata())
                .riskScore(c.riskScore())
                .riskLevelId(c.riskLevel())
                .riskLevel(c.riskLevelCaption())
                .riskDetails(c.riskDetails())
                .enrichments(c.enrichments(null, null, input.assetId()))
                .rawData(OcsfParts.rawData(input.alert().object()));
        b.unmapped(e.fields().unmapped());
        return b.build();
    }

    static DnsActivityRcodeId rcode(int status) {
        return switch (status) {
            case 0, 9501 -> DnsActivityRcodeId.NOERROR;
            case 9001 -> DnsActivityRcodeId.FORMERROR;
            case 9002 -> DnsActivityRcodeId.SERVERROR;
            case 9003 -> DnsActivityRcodeId.NXDOMAIN;
            case 9004 -> DnsActivityRcodeId.NOTIMP;
            case 9005 -> DnsActivityRcodeId.REFUSED;
            default -> DnsActivityRcodeId.OTHER;
        };
    }

    /** Parses Sysmon's {@code QueryResults}; empty when it holds no answer ({@code -}, blank). */
    static List<DnsAnswer> answers(String results) {
        List<DnsAnswer> out = new ArrayList<>();
        if (results == null) {
            return out;
        }
        for (String part : results.split(";")) {
            String p = part.trim();
            if (p.isEmpty() || p.equals("-")) {
                continue;
            }
            String type = null;
            var m = java.util.regex.Pattern.compile("^type:\\s*(\\d+)\\s+(.*)$").matcher(p);
            if (m.matches()) {
                type = dnsType(Integer.parseInt(m.group(1)));
                p = m.group(2).trim();
            }
            if (p.toLowerCase(java.util.Locale.ROOT).startsWith("::ffff:") && WindowsParts.isIp(p.substring(7))) {
                p = p.substring(7);
            }
            if (type == null && WindowsParts.isIp(p)) {
                type = p.contains(":") ? "AAAA" : "A";
            }
            out.add(DnsAnswer.builder().rdata(p).type(type).build());
        }
        return out;
    }

    private static String dnsType(int n) {
        return switch (n) {
            case 1 -> "A";
            case 2 -> "NS";
            case 5 -> "CNAME";
            case 6 -> "SOA";
            case 12 -> "PTR";
            case 15 -> "MX";
            case 16 -> "TXT";
            case 28 -> "AAAA";
            case 33 -> "SRV";
            default -> "TYPE" + n;
        };
    }
}
