package io.protect.normalize.mapping.sysmon;

import io.protect.model.events.AlertEnriched;
import io.protect.normalize.mapping.MappingContext;
import io.protect.normalize.mapping.windows.WinEvent;
import io.protect.normalize.mapping.windows.WindowsParts;
import io.protect.normalize.mapping.windows.WinCommon;
import io.protect.ocsf.model.enums.IntegrityId;
import io.protect.ocsf.model.enums.ObservableTypeId;
import io.protect.ocsf.model.objects.Actor;
import io.protect.ocsf.model.objects.Fingerprint;
import io.protect.ocsf.model.objects.Observable;
import io.protect.ocsf.model.objects.Process;
import io.protect.ocsf.model.objects.Session;
import io.protect.ocsf.model.objects.User;
import java.util.List;
import java.util.Optional;

/**
 * Sysmon pieces shared by the Sysmon mappers: the common read (product Sysmon by Microsoft), a
 * process from Sysmon's field names ({@code ProcessGuid} → uid without braces, {@code ProcessId},
 * {@code Image} → path/name/file, {@code CommandLine}, {@code User} {@code DOMAIN\name} → user),
 * {@code UtcTime} (UTC) → {@code start_time}, and observables.
 */
final class SysmonParts {

    static final String PRODUCT = "Sysmon";

    private SysmonParts() {
    }

    static WinCommon read(AlertEnriched input, MappingContext context) {
        return WinCommon.read(input, context, PRODUCT, List.of());
    }

    /** Field names of one process role in a Sysmon event. */
    record Names(String guid, String pid, String image, String cmdLine, String user) {
        static final Names PROCESS = new Names("ProcessGuid", "ProcessId", "Image", "CommandLine", "User");
        static final Names PARENT = new Names("ParentProcessGuid", "ParentProcessId", "ParentImage", "ParentCommandLine", "ParentUser");
        static final Names SOURCE = new Names("SourceProcessGUID", "SourceProcessId", "SourceImage", null, "SourceUser");
        static final Names TARGET = new Names("TargetProcessGUID", "TargetProcessId", "TargetImage", null, "TargetUser");
    }

    /** A process builder for a role; null when the event names none of its fields. */
    static Process.Builder process(WinEvent e, Names n) {
        Process.Builder b = WindowsParts.process(e, n.pid(), n.image());
        Optional<String> guid = e.data(n.guid()).or(() -> n.guid().endsWith("GUID")
                ? e.data(n.guid().replace("GUID", "Guid")) : Optional.empty());
        if (b == null && guid.isEmpty()) {
            return null;
        }
        if (b == null) {
            b = Process.builder();
        }
        Process.Builder out = b;
        guid.map(SysmonParts::unbrace).ifPresent(out::uid);
        if (n.cmdLine() != null) {
            e.data(n.cmdLine()).ifPresent(out::cmdLine);
        }
        if (n.user() != null) {
            e.data(n.user()).ifPresent(u -> out.user(WindowsParts.userFromQualifiedName(u, null)));
        }
        return out;
    }

    /** A process for a role, built; a placeholder-free actor needs at least pid or uid (OCSF at-least-one). */
    static Process built(Process.Builder b) {
        if (b == null) {
            return null;
        }
        Process p = b.build();
        return p.pid() == null && p.uid() == null ? null : p;
    }

    /** An actor around a process; null when there is none. */
    static Actor actor(Process p) {
        return p == null ? null : Actor.builder().process(p).user(p.user()).build();
    }

    /** The launch details of Sysmon 1: session, integrity, hashes, PE metadata, working directory. */
    static void launchDetails(WinEvent e, Process.Builder b, String image) {
        Optional<String> logonId = e.data("LogonId");
        Optional<String> logonGuid = e.data("LogonGuid");
        if (logonId.isPresent() || logonGuid.isPresent()) {
            b.session(Session.builder().uid(logonId.orElse(null)).uuid(logonGuid.map(SysmonParts::unbrace).orElse(null)).build());
        }
        e.data("CurrentDirectory").ifPresent(b::workingDirectory);
        IntegrityId integrity = e.peekData("IntegrityLevel").map(WindowsParts::integrity).orElse(null);
        if (integrity != null) {
            e.data("IntegrityLevel");
            b.integrityId(integrity).integrity(integrity.caption());
        }
        if (image != null) {
            List<Fingerprint> hashes = WindowsParts.hashes(e.peekData("Hashes").orElse(null));
            if (!hashes.isEmpty()) {
                e.data("Hashes");
            }
            var file = WindowsParts.file(image, hashes).toBuilder()
                    .version(e.data("FileVersion").orElse(null))
                    .desc(e.data("Description").orElse(null))
                    .companyName(e.data("Company").orElse(null))
                    .build();
            b.file(file);
        }
    }

    /** {@code UtcTime} as epoch ms (Sysmon writes it in UTC without a zone); consumed. */
    static Long utcTime(WinEvent e, String field) {
        Optional<String> t = e.peekData(field);
        Optional<Long> ms = t.flatMap(WinEvent::parseUtcDefault).map(p -> p.epochMillis());
        ms.ifPresent(x -> e.data(field));
        return ms.orElse(null);
    }

    static void addProcess(List<Observable> out, String prefix, Process p) {
        if (p == null) {
            return;
        }
        if (p.name() != null) {
            out.add(WindowsParts.observable(prefix + ".name", ObservableTypeId.PROCESS_NAME, p.name()));
        }
        if (p.cmdLine() != null) {
            out.add(WindowsParts.observable(prefix + ".cmd_line", ObservableTypeId.COMMAND_LINE, p.cmdLine()));
        }
        if (p.user() != null) {
            WindowsParts.addUser(out, prefix + ".user", p.user());
        }
        if (p.file() != null && p.file().hashes() != null) {
            for (Fingerprint f : p.file().hashes()) {
                out.add(WindowsParts.observable(prefix + ".file.hashes", ObservableTypeId.HASH, f.value()));
            }
        }
    }

    static void addHost(List<Observable> out, WinCommon c) {
        if (c.device() != null) {
            out.add(WindowsParts.observable("device.hostname", ObservableTypeId.HOSTNAME, c.device().hostname()));
        }
    }

    static String unbrace(String guid) {
        String g = guid.trim();
        return g.startsWith("{") && g.endsWith("}") ? g.substring(1, g.length() - 1) : g;
    }

    static User user(String qualified) {
        return WindowsParts.userFromQualifiedName(qualified, null);
    }
}
