package io.protect.normalize.mapping.windows;

import io.protect.model.ocsf.IpAddresses;
import io.protect.ocsf.model.enums.FingerprintAlgorithmId;
import io.protect.ocsf.model.enums.IntegrityId;
import io.protect.ocsf.model.enums.LogonTypeId;
import io.protect.ocsf.model.enums.ObservableTypeId;
import io.protect.ocsf.model.objects.File;
import io.protect.ocsf.model.objects.Fingerprint;
import io.protect.ocsf.model.objects.NetworkEndpoint;
import io.protect.ocsf.model.objects.Observable;
import io.protect.ocsf.model.objects.Process;
import io.protect.ocsf.model.objects.Session;
import io.protect.ocsf.model.objects.User;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * OCSF pieces built from Windows event data, shared by the Windows Security and Sysmon mappers:
 * users ({@code <Role>UserName}/{@code <Role>DomainName}/{@code <Role>UserSid}, or Sysmon's
 * {@code DOMAIN\name}), logon sessions, processes (pid in decimal or {@code 0x} hex, path,
 * name from the path, command line), logon types, integrity levels, endpoints and Sysmon's
 * {@code Hashes} list. Every reader consumes only what it maps.
 */
public final class WindowsParts {

    private WindowsParts() {
    }

    /** A user from {@code <role>UserName}, {@code <role>DomainName}, {@code <role>UserSid} (or {@code <role>Sid}); null when none. */
    public static User user(WinEvent e, String role) {
        if (e.peekData(role + "UserName").isEmpty() && e.peekData(role + "UserSid").isEmpty() && e.peekData(role + "Sid").isEmpty()) {
            return null; // a domain alone describes no user: it stays unmapped
        }
        Optional<String> name = e.data(role + "UserName");
        Optional<String> domain = e.data(role + "DomainName");
        Optional<String> sid = e.data(role + "UserSid").or(() -> e.data(role + "Sid"));
        return User.builder().name(name.orElse(null)).domain(domain.orElse(null)).uid(sid.orElse(null)).build();
    }

    /** A user from a {@code DOMAIN\name} value (Sysmon's {@code User}); null when blank. */
    public static User userFromQualifiedName(String qualified, String sid) {
        if (qualified == null && sid == null) {
            return null;
        }
        String name = qualified;
        String domain = null;
        if (qualified != null && qualified.contains("\\")) {
            int i = qualified.indexOf('\\');
            domain = qualified.substring(0, i);
            name = qualified.substring(i + 1);
        }
        return User.builder().name(name).domain(domain).uid(sid).build();
    }

    /** A logon session from {@code <field>} (the logon id, e.g. {@code 0x3e7}) and an optional GUID field. */
    public static Session session(WinEvent e, String logonIdField, String guidField) {
        Optional<String> id = e.data(logonIdField);
        Optional<String> guid = guidField == null ? Optional.empty() : e.data(guidField);
        if (id.isEmpty() && guid.isEmpty()) {
            return null;
        }
        return Session.builder().uid(id.orElse(null)).uuid(guid.map(WindowsParts::stripBraces).orElse(null)).build();
    }

    /** A process from a pid field and a path field (name = last path segment); null when both are absent. */
    public static Process.Builder process(WinEvent e, String pidField, String pathField) {
        Optional<Integer> pid = pidField == null ? Optional.empty() : e.dataInt(pidField);
        Optional<String> path = pathField == null ? Optional.empty() : e.data(pathField);
        if (pid.isEmpty() && path.isEmpty()) {
            return null;
        }
        Process.Builder b = Process.builder().pid(pid.orElse(null));
        path.ifPresent(p -> b.path(p).name(fileName(p)).file(file(p, null)));
        return b;
    }

    /** A file object from a path. */
    public static File file(String path, List<Fingerprint> hashes) {
        String name = fileName(path);
        int slash = Math.max(path.lastIndexOf('\\'), path.lastIndexOf('/'));
        return File.builder()
                .path(path)
                .name(name)
                .parentFolder(slash > 0 ? path.substring(0, slash) : null)
                .typeId(io.protect.ocsf.model.enums.FileTypeId.REGULAR_FILE)
                .type(io.protect.ocsf.model.enums.FileTypeId.REGULAR_FILE.caption())
                .hashes(hashes == null || hashes.isEmpty() ? null : hashes)
                .build();
    }

    /** The last segment of a Windows or POSIX path. */
    public static String fileName(String path) {
        int slash = Math.max(path.lastIndexOf('\\'), path.lastIndexOf('/'));
        return slash >= 0 && slash < path.length() - 1 ? path.substring(slash + 1) : path;
    }

    /** Windows logon types (0–13) → OCSF logon_type_id; the numbering is the same, 6 (Proxy) and others → Other. */
    public static LogonTypeId logonType(int windows) {
        return switch (windows) {
            case 0 -> LogonTypeId.SYSTEM;
            case 2 -> LogonTypeId.INTERACTIVE;
            case 3 -> LogonTypeId.NETWORK;
            case 4 -> LogonTypeId.BATCH;
            case 5 -> LogonTypeId.OS_SERVICE;
            case 7 -> LogonTypeId.UNLOCK;
            case 8 -> LogonTypeId.NETWORK_CLEARTEXT;
            case 9 -> LogonTypeId.NEW_CREDENTIALS;
            case 10 -> LogonTypeId.REMOTE_INTERACTIVE;
            case 11 -> LogonTypeId.CACHED_INTERACTIVE;
            case 12 -> LogonTypeId.CACHED_REMOTE_INTERACTIVE;
            case 13 -> LogonTypeId.CACHED_UNLOCK;
            default -> LogonTypeId.OTHER;
        };
    }

    /** Mandatory label SIDs ({@code S-1-16-12288}) or Sysmon's words ({@code High}) → integrity id; null when unknown. */
    public static IntegrityId integrity(String label) {
        if (label == null) {
            return null;
        }
        return switch (label.trim().toLowerCase(Locale.ROOT)) {
            case "s-1-16-0", "untrusted" -> IntegrityId.UNTRUSTED;
            case "s-1-16-4096", "low" -> IntegrityId.LOW;
            case "s-1-16-8192", "s-1-16-8448", "medium", "mediumplus", "medium plus" -> IntegrityId.MEDIUM;
            case "s-1-16-12288", "high" -> IntegrityId.HIGH;
            case "s-1-16-16384", "system" -> IntegrityId.SYSTEM;
            case "s-1-16-20480", "protected", "appcontainer" -> IntegrityId.PROTECTED;
            default -> null;
        };
    }

    /** A network endpoint when the address is an IP literal (IPv4-mapped IPv6 is unwrapped); null otherwise. */
    public static NetworkEndpoint.Builder endpoint(String ip, Integer port) {
        String addr = ip;
        if (addr != null && addr.toLowerCase(Locale.ROOT).startsWith("::ffff:") && IpAddresses.isIpAddress(addr.substring(7))) {
            addr = addr.substring(7);
        }
        if (addr == null || !IpAddresses.isIpAddress(addr)) {
            return null;
        }
        return NetworkEndpoint.builder().ip(addr).port(port);
    }

    /** True when the text is an IP literal (possibly IPv4-mapped). */
    public static boolean isIp(String ip) {
        return endpoint(ip, null) != null;
    }

    /**
     * Sysmon's {@code Hashes} ({@code SHA1=...,MD5=...,SHA256=...,IMPHASH=...}) → fingerprints.
     * IMPHASH has no OCSF algorithm: it becomes algorithm Other with the name {@code IMPHASH}.
     * Empty when the text holds no recognisable hash.
     */
    public static List<Fingerprint> hashes(String text) {
        List<Fingerprint> out = new ArrayList<>();
        if (text == null) {
            return out;
        }
        for (String part : text.split(",")) {
            int eq = part.indexOf('=');
            if (eq <= 0) {
                continue;
            }
            String algo = part.substring(0, eq).trim().toUpperCase(Locale.ROOT);
            String value = part.substring(eq + 1).trim();
            if (value.isEmpty()) {
                continue;
            }
            FingerprintAlgorithmId id = switch (algo) {
                case "MD5" -> FingerprintAlgorithmId.MD5;
                case "SHA1" -> FingerprintAlgorithmId.SHA_1;
                case "SHA256" -> FingerprintAlgorithmId.SHA_256;
                case "SHA512" -> FingerprintAlgorithmId.SHA_512;
                default -> FingerprintAlgorithmId.OTHER;
            };
            out.add(Fingerprint.builder().algorithmId(id).algorithm(id == FingerprintAlgorithmId.OTHER ? algo : id.caption())
                    .value(value).build());
        }
        return out;
    }

    /** A plain observable (no enrichment reputation). */
    public static Observable observable(String name, ObservableTypeId type, String value) {
        return Observable.builder().name(name).typeId(type).type(type.caption()).value(value).build();
    }

    /** Observables of a user: name and SID. */
    public static void addUser(List<Observable> out, String prefix, User u) {
        if (u == null) {
            return;
        }
        if (u.name() != null) {
            out.add(observable(prefix + ".name", ObservableTypeId.USER_NAME, u.name()));
        }
        if (u.uid() != null) {
            out.add(observable(prefix + ".uid", ObservableTypeId.USER, u.uid()));
        }
    }

    static String stripBraces(String guid) {
        String g = guid.trim();
        return g.startsWith("{") && g.endsWith("}") ? g.substring(1, g.length() - 1) : g;
    }
}
