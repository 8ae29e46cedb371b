package kr.kaesongcrossing.reliability;

import java.io.File;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The packaged application (target/kaesong-crossing-*.jar, extracted, see {@link Launch}) as a separate process on a loopback
 * port, in its own working folder (so the embedded default keeps its H2 file in {@code <folder>/data}). It can be
 * killed with SIGKILL and started again on the same port and data.
 */
public final class AppProcess implements AutoCloseable {

    /** The first administrator of a mysql-profile instance (created by the bootstrap variables). */
    public static final String ADMIN_EMAIL = "admin@reliability.test";
    public static final String ADMIN_PASSWORD = "quiet harbour lanterns 7391";
    static final Duration STARTUP = Duration.ofSeconds(Long.getLong("kc.reliability.startup-seconds", 300));
    private static final List<String> JVM_FLAGS = List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xms64m",
            "-Xmx512m", "-XX:+ExitOnOutOfMemoryError", "-Djava.awt.headless=true");

    private final String name;
    private final Path workDir;
    private final int port;
    private final List<String> arguments;
    private final Map<String, String> environment;
    private final Path log;
    private Process process;
    private int starts;

    private AppProcess(String name, Path workDir, int port, List<String> arguments, Map<String, String> env) {
        this.name = name;
        this.workDir = workDir;
        this.port = port;
        this.arguments = arguments;
        this.environment = env;
        this.log = workDir.resolve(name + ".log");
    }

    /** The embedded default (H2 file under the working folder, demo mode), exactly as {@code java -jar} runs it. */
    public static AppProcess embedded(String name, Path workDir, String... extraArguments) {
        List<String> args = new ArrayList<>(List.of(extraArguments));
        return new AppProcess(name, workDir, Tools.freePort(), args, Map.of());
    }

    /** The {@code mysql} profile against a MySQL-family server, configured through its environment variables. */
    public static AppProcess mysql(String name, Path workDir, String jdbcUrl, String user, String password,
            String... extraArguments) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("DB_URL", jdbcUrl);
        env.put("DB_USERNAME", user);
        env.put("DB_PASSWORD", password);
        env.put("DB_PRODUCT", System.getenv().getOrDefault("KC_TEST_DB_PRODUCT", "MariaDB"));
        env.put("DB_MAJOR_VERSION", System.getenv().getOrDefault("KC_TEST_DB_MAJOR_VERSION", "10"));
        env.put("DB_MINOR_VERSION", System.getenv().getOrDefault("KC_TEST_DB_MINOR_VERSION", "11"));
        env.put("KC_SIGNING_KEYSTORE", "");
        env.put("KC_SIGNING_KEYSTORE_PASSWORD", "");
        env.put("KC_WEBAUTHN_RP_ID", "localhost");
        env.put("KC_WEBAUTHN_ALLOWED_ORIGINS", "http://localhost");
        byte[] key = new byte[32];
        new java.security.SecureRandom().nextBytes(key);
        byte[] hashKey = new byte[32];
        new java.security.SecureRandom().nextBytes(hashKey);
        List<String> args = new ArrayList<>(List.of("--spring.profiles.active=mysql",
                // signing keys from a JWK file in the working folder (production uses a PKCS#12 keystore)
                "--kc.signing.store=file", "--kc.data-dir=" + workDir.resolve("data"),
                "--kc.crypto.id-number-key=" + java.util.Base64.getEncoder().encodeToString(key),
                "--kc.crypto.id-hash-key=" + java.util.Base64.getEncoder().encodeToString(hashKey),
                "--kc.bootstrap.admin.email=" + ADMIN_EMAIL, "--kc.bootstrap.admin.password=" + ADMIN_PASSWORD,
                "--kc.bootstrap.admin.name=Reliability Admin",
                // no SMTP server in the suite: mail stays in the database (a switch for tests only)
                "--kc.mail.log-without-smtp=true"));
        args.addAll(List.of(extraArguments));
        return new AppProcess(name, workDir, Tools.freePort(), args, env);
    }

    /** Another instance with the same configuration (same database), on its own port and folder. */
    public AppProcess sibling(String siblingName) {
        Path dir = workDir.resolveSibling(workDir.getFileName() + "-" + siblingName);
        try {
            Files.createDirectories(dir);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        // the same arguments keep the first instance's data folder (its signing keys)
        return new AppProcess(siblingName, dir, Tools.freePort(), arguments, environment);
    }

    /** Another instance with the same configuration on another database server (another node of a cluster). */
    public AppProcess sibling(String siblingName, String jdbcUrl) {
        AppProcess twin = sibling(siblingName);
        Map<String, String> env = new LinkedHashMap<>(environment);
        env.put("DB_URL", jdbcUrl);
        return new AppProcess(siblingName, twin.workDir, twin.port, arguments, env);
    }

    public String name() {
        return name;
    }

    public int port() {
        return port;
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    public Path workDir() {
        return workDir;
    }

    public Path log() {
        return log;
    }

    public boolean isRunning() {
        return process != null && process.isAlive();
    }

    /** Starts the process and waits until {@code /actuator/health} says UP; returns the start-up time. */
    public Duration start() {
        if (isRunning()) {
            throw new IllegalStateException(name + " is already running");
        }
        List<String> command = new ArrayList<>(List.of(javaBinary()));
        command.addAll(JVM_FLAGS);
        command.add("-Djava.io.tmpdir=" + workDir);
        command.addAll(Launch.jar());
        command.addAll(List.of("--server.port=" + port, "--server.address=127.0.0.1", "--spring.main.banner-mode=off"));
        command.addAll(arguments);
        ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile())
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().putAll(environment);
        long begin = System.nanoTime();
        starts++;
        process = Tools.start(builder);
        awaitHealthy(begin);
        return Duration.ofNanos(System.nanoTime() - begin);
    }

    private void awaitHealthy(long begin) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest health = HttpRequest.newBuilder(URI.create(baseUrl() + "/actuator/health"))
                .timeout(Duration.ofSeconds(5)).GET().build();
        long deadline = begin + STARTUP.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with " + process.exitValue() + " during start-up:\n"
                        + Tools.tail(log, 60));
            }
            try {
                HttpResponse<String> answer = http.send(health, HttpResponse.BodyHandlers.ofString());
                if (answer.statusCode() == 200 && answer.body().contains("UP")) {
                    return;
                }
            } catch (java.io.IOException notYet) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            }
            pause(Duration.ofMillis(250));
        }
        Tools.killHard(process);
        throw new IllegalStateException(name + " not healthy within " + STARTUP + ":\n" + Tools.tail(log, 60));
    }

    /** SIGKILL: no shutdown hooks, no flushing, no goodbye. */
    public void killHard() {
        if (process != null) {
            Tools.killHard(process);
        }
    }

    /** Orderly stop (SIGTERM), for releasing the embedded database file before reading it. */
    public void stop() {
        if (isRunning()) {
            process.destroy();
            try {
                if (!process.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)) {
                    Tools.killHard(process);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    public int starts() {
        return starts;
    }

    @Override
    public void close() {
        killHard();
    }

    static Path jar() {
        String configured = System.getProperty("kc.reliability.jar");
        if (configured != null && Files.isRegularFile(Path.of(configured))) {
            return Path.of(configured).toAbsolutePath();
        }
        try (var files = Files.list(Path.of("target"))) {
            return files.filter(f -> f.getFileName().toString().matches("kaesong-crossing-.*\\.jar"))
                    .findFirst().map(Path::toAbsolutePath)
                    .orElseThrow(() -> new IllegalStateException("no packaged jar: run ./mvnw package first"));
        } catch (java.io.IOException e) {
            throw new IllegalStateException("no packaged jar: run ./mvnw package first", e);
        }
    }

    /**
     * How the app is launched: the jar extracted ({@code -Djarmode=tools extract}) with a dynamic AppCDS archive of
     * the classes a start loads, made once per packaged jar under {@code target/app-cds} (a training start with
     * {@code spring.context.exit=onRefresh}). An app then starts in about half the time of {@code -jar} on the fat
     * jar (11 s to 6 s idle), and the suite starts apps about seven times. Falls back to the fat jar, saying why.
     */
    private static final class Launch {

        private static List<String> jar;

        static synchronized List<String> jar() {
            if (jar == null) {
                jar = prepare();
            }
            return jar;
        }

        private static List<String> prepare() {
            Path fat = AppProcess.jar();
            Path dir = fat.resolveSibling("app-cds");
            try {
                String stamp = sha256(fat);
                Path stampFile = dir.resolve("jar.sha256");
                Path archive = dir.resolve("app.jsa");
                Path extracted = dir.resolve("app").resolve(fat.getFileName());
                if (!(Files.isRegularFile(archive) && Files.isRegularFile(extracted) && Files.isRegularFile(stampFile)
                        && Files.readString(stampFile).equals(stamp))) {
                    train(fat, dir, extracted, archive);
                    Files.writeString(stampFile, stamp);
                }
                return List.of("-XX:SharedArchiveFile=" + archive, "-jar", extracted.toString());
            } catch (IOException | RuntimeException e) {
                System.out.println("AppProcess: starting apps from the fat jar, no CDS archive: " + e);
                return List.of("-jar", fat.toString());
            }
        }

        /**
         * Extracts the jar and starts it once to record its classes. The training start is the embedded default
         * (a throwaway H2 file in {@code target/app-cds/training}, no database variables), so no test database is
         * touched; the mysql-profile apps share all but the driver's classes.
         */
        private static void train(Path fat, Path dir, Path extracted, Path archive) throws IOException {
            if (Files.isDirectory(dir)) {
                try (var files = Files.walk(dir)) {
                    files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
                }
            }
            Path training = Files.createDirectories(dir.resolve("training"));
            run(List.of(javaBinary(), "-Djarmode=tools", "-jar", fat.toString(), "extract", "--destination",
                    dir.resolve("app").toString()), dir, dir.resolve("extract.log"));
            if (!Files.isRegularFile(extracted)) {
                throw new IllegalStateException("extract made no " + extracted);
            }
            List<String> command = new ArrayList<>(List.of(javaBinary()));
            command.addAll(JVM_FLAGS);
            command.addAll(List.of("-Djava.io.tmpdir=" + training, "-XX:ArchiveClassesAtExit=" + archive,
                    "-Dspring.context.exit=onRefresh", "-jar", extracted.toString(), "--server.port=0",
                    "--server.address=127.0.0.1", "--spring.main.banner-mode=off"));
            run(command, training, dir.resolve("training.log"));
            if (!Files.isRegularFile(archive)) {
                throw new IllegalStateException("the training start wrote no archive; see " + dir.resolve("training.log"));
            }
        }

        private static void run(List<String> command, Path directory, Path log) throws IOException {
            ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile())
                    .redirectErrorStream(true).redirectOutput(log.toFile());
            builder.environment().keySet().removeIf(name -> name.startsWith("SPRING_") || name.startsWith("DB_"));
            Process process = Tools.start(builder);
            try {
                if (!process.waitFor(STARTUP.toSeconds(), java.util.concurrent.TimeUnit.SECONDS)) {
                    Tools.killHard(process);
                    throw new IllegalStateException(command.get(command.size() - 1) + " did not end within " + STARTUP);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            }
            if (process.exitValue() != 0) {
                throw new IllegalStateException("exit " + process.exitValue() + " from " + command + ":\n"
                        + Tools.tail(log, 30));
            }
        }

        private static String sha256(Path file) throws IOException {
            try (var in = Files.newInputStream(file)) {
                java.security.MessageDigest digest = java.security.MessageDigest.getInstance("SHA-256");
                byte[] buffer = new byte[1 << 16];
                for (int read = in.read(buffer); read > 0; read = in.read(buffer)) {
                    digest.update(buffer, 0, read);
                }
                return java.util.HexFormat.of().formatHex(digest.digest());
            } catch (java.security.NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    private static String javaBinary() {
        return System.getProperty("java.home") + File.separator + "bin" + File.separator + "java";
    }

    static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
