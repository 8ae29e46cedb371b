package kr.kaesongcrossing.reliability;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;

/** Finding programs, ports and folders for the reliability suite; cleaning up processes it started. */
final class Tools {

    private static final List<Process> STARTED = new CopyOnWriteArrayList<>();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> STARTED.forEach(Process::destroyForcibly),
                "kc-reliability-cleanup"));
    }

    private Tools() {
    }

    /** Tools are mandatory in CI ({@code CI=true}) or when {@code KC_REQUIRE_TOOLS} / {@code KC_REQUIRE_BROWSER} says so. */
    static boolean toolsRequired() {
        return isTrue(System.getenv("CI")) || isTrue(System.getenv("KC_REQUIRE_TOOLS"))
                || isTrue(System.getenv("KC_REQUIRE_BROWSER"));
    }

    private static boolean isTrue(String value) {
        return value != null && List.of("1", "true", "yes").contains(value.toLowerCase(Locale.ROOT));
    }

    /** The program's path; skips the test (or fails it when tools are required) when it is not installed. */
    static Path require(String program, String debianPackage, String... extraDirs) {
        Optional<Path> found = find(program, extraDirs);
        if (found.isEmpty()) {
            String message = program + " is not installed (Debian: apt-get install -y " + debianPackage + ")";
            if (toolsRequired()) {
                throw new AssertionError(message + "; CI / KC_REQUIRE_TOOLS make it mandatory");
            }
            Assumptions.abort(message + ": skipped");
        }
        return found.get();
    }

    static Optional<Path> find(String program, String... extraDirs) {
        Stream<String> path = Stream.of(System.getenv().getOrDefault("PATH", "").split(":"));
        return Stream.concat(path, Stream.of(extraDirs).flatMap(d -> Stream.of(d)))
                .filter(dir -> !dir.isBlank())
                .map(dir -> Path.of(dir, program))
                .filter(Files::isExecutable)
                .findFirst();
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Path workDir(String name) {
        Path base = Path.of(System.getProperty("kc.reliability.work-dir", "target/reliability"));
        try {
            Files.createDirectories(base);
            return Files.createTempDirectory(base.toAbsolutePath(), name + "-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Process start(ProcessBuilder builder) {
        try {
            Process process = builder.start();
            STARTED.add(process);
            return process;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + builder.command(), e);
        }
    }

    /** kill -9 of a process this suite started, waiting until it is gone. */
    static void killHard(Process process) {
        process.destroyForcibly();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("process " + process.pid() + " survived kill -9");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        STARTED.remove(process);
    }

    /** Sends a signal (STOP, CONT, TERM) to one process this suite started, by its id. */
    static void signal(Process process, String signal) {
        try {
            Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(process.pid()))
                    .redirectErrorStream(true).start();
            if (!kill.waitFor(10, TimeUnit.SECONDS) || kill.exitValue() != 0) {
                throw new IllegalStateException("kill -" + signal + " " + process.pid() + " failed");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static String tail(Path log, int lines) {
        try {
            List<String> all = Files.readAllLines(log);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

}
