package kr.kaesongcrossing.e2e;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Where Debian's {@code chromium} and {@code chromium-driver} live, overridable with {@code KC_CHROMIUM} and
 * {@code KC_CHROMEDRIVER}. {@code KC_REQUIRE_BROWSER=true} (set by CI) turns a missing browser into a failure.
 */
final class Chromium {

    static final Path BINARY = firstExisting(System.getenv("KC_CHROMIUM"), "/usr/lib/chromium/chromium",
            "/usr/bin/chromium");
    static final Path DRIVER = firstExisting(System.getenv("KC_CHROMEDRIVER"), "/usr/bin/chromedriver", null);

    private Chromium() {
    }

    static boolean required() {
        return "true".equalsIgnoreCase(System.getenv("KC_REQUIRE_BROWSER"));
    }

    /** Why the browser cannot run here, or empty when it can. */
    static Optional<String> missing() {
        if (!Files.isExecutable(BINARY)) {
            return Optional.of("Chromium not found at " + BINARY + " (apt-get install chromium, or set KC_CHROMIUM)");
        }
        if (!Files.isExecutable(DRIVER)) {
            return Optional.of("chromedriver not found at " + DRIVER
                    + " (apt-get install chromium-driver, or set KC_CHROMEDRIVER)");
        }
        return Optional.empty();
    }

    private static Path firstExisting(String override, String preferred, String fallback) {
        if (override != null && !override.isBlank()) {
            return Path.of(override);
        }
        if (fallback == null || Files.isExecutable(Path.of(preferred))) {
            return Path.of(preferred);
        }
        return Path.of(fallback);
    }
}
