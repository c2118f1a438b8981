package io.protect.tools.launcher.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalLong;

/**
 * CPU time and resident memory of a process, from Linux's {@code /proc/<pid>/stat} and
 * {@code /proc/<pid>/status}. Parsing is kept apart from reading so it can be tested on fixed text.
 */
public final class ProcStat {

    /** Clock ticks per second of {@code /proc} times ({@code getconf CLK_TCK}); 100 on every Linux we know. */
    static final int CLOCK_TICKS = 100;

    private ProcStat() {
    }

    /** utime + stime in clock ticks; empty when the process is gone (or this is not Linux). */
    public static OptionalLong cpuTicks(long pid) {
        try {
            return OptionalLong.of(parseCpuTicks(Files.readString(Path.of("/proc", Long.toString(pid), "stat"))));
        } catch (IOException | RuntimeException e) {
            return OptionalLong.empty();
        }
    }

    /** VmRSS in KiB; empty when the process is gone. */
    public static OptionalLong rssKiB(long pid) {
        try {
            return parseRssKiB(Files.readString(Path.of("/proc", Long.toString(pid), "status")));
        } catch (IOException | RuntimeException e) {
            return OptionalLong.empty();
        }
    }

    /**
     * utime (field 14) + stime (field 15) of a stat line. The command name (field 2) is in
     * parentheses and may itself contain spaces and parentheses, so fields are counted after the last
     * closing parenthesis.
     */
    static long parseCpuTicks(String stat) {
        String[] rest = stat.substring(stat.lastIndexOf(')') + 2).trim().split("\\s+");
        // rest[0] is field 3 (state).
        return Long.parseLong(rest[11]) + Long.parseLong(rest[12]);
    }

    static OptionalLong parseRssKiB(String status) {
        for (String line : status.split("\n")) {
            if (line.startsWith("VmRSS:")) {
                return OptionalLong.of(Long.parseLong(line.replaceAll("[^0-9]", "")));
            }
        }
        return OptionalLong.empty();
    }

    /** CPU use over an interval in percent of one core (200 % = both cores of a two-core machine busy). */
    static double percent(long ticks, long nanos) {
        return nanos <= 0 ? 0 : ticks * 100.0 / CLOCK_TICKS / (nanos / 1e9);
    }
}
