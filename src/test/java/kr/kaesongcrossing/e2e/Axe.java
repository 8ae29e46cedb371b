package kr.kaesongcrossing.e2e;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;

/**
 * Runs axe-core (npm, MPL-2.0, kept in src/test/resources/e2e/axe; never served by the app) on the current page.
 * The script is injected through WebDriver, which the page's Content-Security-Policy does not restrict.
 */
final class Axe {

    /** Impacts that fail a journey. */
    static final List<String> BLOCKING = List.of("critical", "serious");

    private static final String SOURCE = load();

    private static final String RUN = """
            const done = arguments[arguments.length - 1];
            axe.run(document, {resultTypes: ['violations']}).then(r => done(r.violations.map(v => ({
                id: v.id, impact: v.impact || 'minor', help: v.help, helpUrl: v.helpUrl,
                nodes: v.nodes.map(n => ({target: n.target.join(' '), html: n.html,
                                          summary: n.failureSummary || ''}))
            })))).catch(e => done('axe failed: ' + e));
            """;

    private Axe() {
    }

    record Node(String target, String html, String summary) {
    }

    record Violation(String id, String impact, String help, String helpUrl, List<Node> nodes) {

        boolean blocking() {
            return BLOCKING.contains(impact);
        }

        String describe() {
            StringBuilder text = new StringBuilder();
            text.append("  [").append(impact).append("] ").append(id).append(": ").append(help)
                    .append(" (").append(helpUrl).append(")\n");
            for (Node node : nodes) {
                text.append("      element ").append(node.target()).append("  ").append(shorten(node.html())).append('\n');
                for (String line : node.summary().split("\n")) {
                    if (!line.isBlank()) {
                        text.append("         ").append(line.strip()).append('\n');
                    }
                }
            }
            return text.toString();
        }
    }

    @SuppressWarnings("unchecked")
    static List<Violation> check(WebDriver driver) {
        JavascriptExecutor js = (JavascriptExecutor) driver;
        if (!Boolean.TRUE.equals(js.executeScript("return typeof window.axe === 'object';"))) {
            js.executeScript(SOURCE);
        }
        Object result = js.executeAsyncScript(RUN);
        if (!(result instanceof List<?> list)) {
            throw new IllegalStateException(String.valueOf(result));
        }
        return list.stream().map(item -> (Map<String, Object>) item).map(v -> new Violation(
                (String) v.get("id"), (String) v.get("impact"), (String) v.get("help"), (String) v.get("helpUrl"),
                ((List<Map<String, Object>>) v.get("nodes")).stream().map(n -> new Node((String) n.get("target"),
                        (String) n.get("html"), (String) n.get("summary"))).toList())).toList();
    }

    private static String shorten(String html) {
        String oneLine = html.replaceAll("\\s+", " ");
        return oneLine.length() > 160 ? oneLine.substring(0, 157) + "..." : oneLine;
    }

    private static String load() {
        try (InputStream in = Axe.class.getResourceAsStream("/e2e/axe/axe.min.js")) {
            if (in == null) {
                throw new IllegalStateException("e2e/axe/axe.min.js missing from test resources");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
