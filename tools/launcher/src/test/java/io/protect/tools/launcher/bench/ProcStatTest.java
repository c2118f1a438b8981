package io.protect.tools.launcher.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** Reading /proc text, on fixed samples; plus one read of this very process (Linux, as the launcher needs). */
class ProcStatTest {

    @Test
    void cpuTicksAreUtimePlusStimeCountedAfterTheCommandName() {
        // A command name with a space and a parenthesis, as /proc prints it.
        String stat = "4242 (java (main) x) S 1 4242 4242 0 -1 4194560 52345 0 12 0 1234 567 0 0 20 0 31 0 9876 "
                + "3900000000 123456 18446744073709551615 1 1 0 0 0 0 0 0 0 0 0 0 17 1 0 0 0 0 0";
        assertEquals(1234 + 567, ProcStat.parseCpuTicks(stat));
    }

    @Test
    void rssIsVmRssInKiB() {
        String status = "Name:\tjava\nVmPeak:\t 4000000 kB\nVmRSS:\t  524288 kB\nThreads:\t31\n";
        assertEquals(OptionalLong.of(524_288), ProcStat.parseRssKiB(status));
        assertEquals(OptionalLong.empty(), ProcStat.parseRssKiB("Name:\tkthreadd\n"));
    }

    @Test
    void percentIsOfOneCore() {
        // 150 ticks of 10 ms in 1 s: one and a half cores busy.
        assertEquals(150.0, ProcStat.percent(150, 1_000_000_000L), 1e-9);
        assertEquals(0.0, ProcStat.percent(10, 0));
    }

    @Test
    void thisProcessCanBeRead() {
        long pid = ProcessHandle.current().pid();
        assertTrue(ProcStat.cpuTicks(pid).isPresent());
        assertTrue(ProcStat.rssKiB(pid).getAsLong() > 1024);
    }
}
