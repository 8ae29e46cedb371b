package kr.kaesongcrossing.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * One journey through the app, possibly with several people (browsers). Every {@link Browser#snap(String)} saves
 * {@code target/screenshots/<journey>-<NN>-<step>.png}, runs axe-core and, at phone and tablet width, checks
 * that the page does not scroll sideways. Findings are written to {@code target/e2e-report/<journey>.txt} and
 * fail the test when it ends.
 */
public final class Journey {

    static final Path SCREENSHOTS = Path.of("target", "screenshots");
    static final Path REPORTS = Path.of("target", "e2e-report");

    private final String name;
    private final String baseUrl;
    private final List<Browser> browsers = new ArrayList<>();
    private final List<String> findings = new ArrayList<>();
    private final StringBuilder report = new StringBuilder();
    private final long started = System.nanoTime();
    private static final java.util.concurrent.atomic.AtomicBoolean FIRST_IN_RUN =
            new java.util.concurrent.atomic.AtomicBoolean(true);
    private int screens;

    Journey(String name, String baseUrl) {
        this.name = name;
        this.baseUrl = baseUrl;
        try {
            Files.createDirectories(SCREENSHOTS);
            Files.createDirectories(REPORTS);
            if (FIRST_IN_RUN.getAndSet(false)) {
                Files.deleteIfExists(REPORTS.resolve("summary.txt"));
            }
            try (Stream<Path> old = Files.list(SCREENSHOTS)) {
                for (Path file : old.filter(f -> f.getFileName().toString().startsWith(name + "-")).toList()) {
                    Files.delete(file);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        report.append("Journey ").append(name).append(" against ").append(baseUrl).append('\n');
    }

    public String name() {
        return name;
    }

    public String baseUrl() {
        return baseUrl;
    }

    /** A browser for one person at the given window size (no cookies, history or console log of anyone else). */
    public Browser browser(String actor, Viewport viewport) {
        return start(actor, viewport, null);
    }

    /** A new browser whose camera shows the given y4m video (see {@link FakeCamera}); never reused. */
    public Browser browserWithCamera(String actor, Viewport viewport, Path y4m) {
        return start(actor, viewport, y4m);
    }

    private Browser start(String actor, Viewport viewport, Path camera) {
        Browser browser = new Browser(this, actor, viewport, baseUrl, camera);
        browsers.add(browser);
        return browser;
    }

    /** Closes a person's browser before the journey ends (e.g. to start one with a camera). */
    public void close(Browser browser) {
        browsers.remove(browser);
        browser.quit(true);
    }

    void record(Browser browser, String step) {
        browser.awaitSettled();
        screens++;
        String file = "%s-%02d-%s.png".formatted(name, screens, step);
        browser.screenshot(SCREENSHOTS.resolve(file));
        String where = "%02d %-28s %-22s %s".formatted(screens, step, browser.toString(), browser.path());
        List<String> beforeAxe = browser.consoleErrors();
        List<Axe.Violation> violations = Axe.check(browser.driver());
        List<Axe.Violation> blocking = violations.stream().filter(Axe.Violation::blocking).toList();
        report.append(where).append("\n    axe: ")
                .append(blocking.isEmpty() ? "no serious or critical violations" : blocking.size() + " BLOCKING")
                .append(violations.size() > blocking.size()
                        ? "; minor/moderate: " + violations.stream().filter(v -> !v.blocking())
                                .map(v -> v.id() + "(" + v.impact() + ")").toList()
                        : "")
                .append('\n');
        for (Axe.Violation violation : violations) {
            report.append(violation.describe());
        }
        if (!blocking.isEmpty()) {
            StringBuilder text = new StringBuilder("axe-core on screen " + file + " (" + browser.path() + "):\n");
            blocking.forEach(v -> text.append(v.describe()));
            findings.add(text.toString());
        }
        Optional<String> scroll = browser.sidewaysScroll();
        report.append("    layout: ").append(scroll.orElse(browser.viewport().mustNotScrollSideways
                ? "no sideways scrolling at " + browser.viewport() : "desktop")).append('\n');
        scroll.ifPresent(problem -> findings.add("screen " + file + ": " + problem));
        // axe-core tries to add inline styles, which the app's CSP refuses: drop what it logged.
        browser.consoleErrors();
        List<String> console = beforeAxe;
        if (!console.isEmpty()) {
            report.append("    console errors: ").append(console).append('\n');
            console.stream().filter(message -> message.contains("Content Security Policy"))
                    .forEach(message -> findings.add("screen " + file + ": CSP violation: " + message));
        }
    }

    /** Ends the journey: failure screenshots, browsers closed, report written; returns the findings. */
    List<String> finish(Throwable failure) {
        if (failure != null) {
            for (Browser browser : browsers) {
                try {
                    browser.screenshot(SCREENSHOTS.resolve(name + "-failure-" + browser.actor() + ".png"));
                    Files.writeString(REPORTS.resolve(name + "-failure-" + browser.actor() + ".html"),
                            browser.driver().getPageSource(), StandardCharsets.UTF_8);
                    report.append("FAILED while ").append(browser).append(" was on ").append(browser.path())
                            .append('\n');
                } catch (RuntimeException | IOException e) {
                    report.append("no failure screenshot for ").append(browser).append(": ").append(e).append('\n');
                }
            }
        }
        for (Browser browser : List.copyOf(browsers)) {
            try {
                browser.quit(failure == null);
            } catch (RuntimeException e) {
                report.append("closing ").append(browser).append(": ").append(e).append('\n');
            }
        }
        browsers.clear();
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        report.append("screens: ").append(screens).append(", findings: ").append(findings.size())
                .append(", time: ").append(took.toMillis()).append(" ms").append(failure != null ? ", FAILED" : "")
                .append('\n');
        try {
            Files.writeString(REPORTS.resolve(name + ".txt"), report, StandardCharsets.UTF_8);
            Files.writeString(REPORTS.resolve("summary.txt"), "%-40s screens %2d  findings %d  %6d ms%s%n".formatted(
                    name, screens, findings.size(), took.toMillis(), failure != null ? "  FAILED" : ""),
                    StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return List.copyOf(findings);
    }
}
