package kr.kaesongcrossing.e2e;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

/**
 * Headless Chromium sessions shared by the people of all journeys: starting one costs about a second of this
 * machine's two cores (process start and the first CDP call), and the suites start dozens. A session given back
 * is wiped (blank page, no cookies, no cache, console log drained, window and emulation reset, downloads denied)
 * so the next person meets a browser as fresh as a new profile in what the app can see. Sessions with a fake
 * camera or a virtual passkey authenticator, and sessions of a failed journey, are quit instead. Thread-safe; everything left is quit when the JVM
 * ends.
 */
final class ChromiumPool {

    static final Viewport RESET = Viewport.DESKTOP;
    /** Idle sessions kept; a journey rarely has more people than this at once. */
    private static final int MAX_IDLE = 4;
    private static final AtomicInteger NUMBER = new AtomicInteger();
    private static final Deque<Session> IDLE = new ArrayDeque<>();
    private static final Set<Session> OPEN = new LinkedHashSet<>();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(ChromiumPool::quitAll, "chromium-pool-shutdown"));
    }

    private ChromiumPool() {
    }

    /** An idle session, or a new one. */
    static Session take() {
        synchronized (IDLE) {
            Session idle = IDLE.poll();
            if (idle != null) {
                return idle;
            }
        }
        return start(null);
    }

    /** A new session whose camera shows the given y4m video; never reused (the camera is a launch flag). */
    static Session withCamera(Path y4m) {
        return start(y4m);
    }

    /** Gives a session back: wiped and kept when {@code reusable} and it can be wiped, otherwise quit. */
    static void giveBack(Session session, boolean reusable) {
        if (reusable && session.camera == null && !session.passkeys && session.wipe()) {
            synchronized (IDLE) {
                if (IDLE.size() < MAX_IDLE) {
                    IDLE.push(session);
                    return;
                }
            }
        }
        session.quit();
    }

    private static Session start(Path camera) {
        Session session = new Session(NUMBER.incrementAndGet(), camera);
        synchronized (IDLE) {
            OPEN.add(session);
        }
        return session;
    }

    private static void quitAll() {
        List<Session> open;
        synchronized (IDLE) {
            open = List.copyOf(OPEN);
            IDLE.clear();
        }
        open.forEach(Session::quit);
    }

    /** One Chromium with its chromedriver and temporary profile. */
    static final class Session {

        private final Path camera;
        private final Path profile;
        private final ChromeDriver driver;
        /** A virtual authenticator was added: its passkeys are not wiped, so the session is never reused. */
        private volatile boolean passkeys;

        private Session(int number, Path camera) {
            this.camera = camera;
            try {
                this.profile = Files.createTempDirectory("kc-chromium-");
                Files.createDirectories(Path.of("target", "e2e-logs"));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            ChromeOptions options = new ChromeOptions();
            options.setBinary(Chromium.BINARY.toFile());
            options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                    "--no-first-run", "--disable-background-networking", "--disable-component-update",
                    "--disable-sync", "--user-data-dir=" + profile.toAbsolutePath(), "--lang=en-US",
                    "--window-size=" + RESET.width + "," + RESET.height);
            if (camera != null) {
                options.addArguments("--use-fake-ui-for-media-stream", "--use-fake-device-for-media-stream",
                        "--use-file-for-fake-video-capture=" + camera.toAbsolutePath());
            }
            Map<String, Object> prefs = new HashMap<>();
            prefs.put("download.prompt_for_download", false);
            prefs.put("plugins.always_open_pdf_externally", true);
            options.setExperimentalOption("prefs", prefs);
            LoggingPreferences logs = new LoggingPreferences();
            logs.enable(LogType.BROWSER, java.util.logging.Level.ALL);
            options.setCapability("goog:loggingPrefs", logs);
            // test JVMs run side by side (kc.test.fork): a log each
            String log = "chromium" + System.getProperty("kc.test.fork", "") + "-" + number + "-chromedriver.log";
            ChromeDriverService service = new ChromeDriverService.Builder()
                    .usingDriverExecutable(Chromium.DRIVER.toFile())
                    .usingAnyFreePort()
                    .withLogFile(Path.of("target", "e2e-logs", log).toFile())
                    .build();
            this.driver = new ChromeDriver(service, options);
            driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        }

        ChromeDriver driver() {
            return driver;
        }

        void keepsPasskeys() {
            passkeys = true;
        }

        /** Makes the session a fresh person's at the given size, downloading into the given folder. */
        void prepare(Viewport viewport, Path downloads) {
            if (viewport != RESET) {
                driver.manage().window().setSize(new Dimension(viewport.width, viewport.height));
            }
            // Headless windows have a minimum width above a phone's: emulate the viewport instead (desktop-style
            // layout viewport, so sideways overflow shows up as scrollWidth > innerWidth rather than as zoom-out).
            driver.executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of("width", viewport.width,
                    "height", viewport.height, "deviceScaleFactor", 1, "mobile", false));
            driver.executeCdpCommand("Browser.setDownloadBehavior",
                    Map.of("behavior", "allow", "downloadPath", downloads.toAbsolutePath().toString()));
        }

        /** Wipes what the last person left; false when that fails (the session is then quit). */
        private boolean wipe() {
            try {
                if (driver.getWindowHandles().size() != 1) {
                    return false; // a tab the person opened: not worth tidying
                }
                driver.get("about:blank");
                driver.executeCdpCommand("Network.clearBrowserCookies", Map.of());
                driver.executeCdpCommand("Network.clearBrowserCache", Map.of());
                driver.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
                driver.executeCdpCommand("Browser.setDownloadBehavior", Map.of("behavior", "deny"));
                driver.manage().window().setSize(new Dimension(RESET.width, RESET.height));
                // Tests read the console log of their own pages (Journey.record): drain what the last person's
                // pages logged. The blank page is loaded, so nothing of theirs arrives later.
                driver.manage().logs().get(LogType.BROWSER);
                return true;
            } catch (RuntimeException e) {
                return false;
            }
        }

        private void quit() {
            synchronized (IDLE) {
                OPEN.remove(this);
            }
            try {
                driver.quit();
            } catch (RuntimeException e) {
                // already gone (crashed or quit by the JVM's end)
            } finally {
                deleteQuietly(profile);
            }
        }

        private static void deleteQuietly(Path dir) {
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(java.util.Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
            } catch (IOException e) {
                // A leftover temporary profile is harmless.
            }
        }
    }
}
