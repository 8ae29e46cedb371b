package kr.kaesongcrossing.e2e;

import static org.junit.jupiter.api.extension.ConditionEvaluationResult.disabled;
import static org.junit.jupiter.api.extension.ConditionEvaluationResult.enabled;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.opentest4j.AssertionFailedError;
import org.opentest4j.TestAbortedException;
import org.springframework.test.context.junit.jupiter.SpringExtension;

/**
 * Skips a browser suite (naming it) when Chromium is missing, or fails it when {@code KC_REQUIRE_BROWSER=true};
 * gives each test a {@link Journey} on the running app and closes its browsers afterwards, failing the test on
 * accessibility or layout findings.
 */
final class BrowserExtension implements ExecutionCondition, BeforeAllCallback, ParameterResolver, AfterEachCallback {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(BrowserExtension.class);

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        Optional<String> missing = Chromium.missing();
        if (missing.isEmpty() || Chromium.required()) {
            return enabled("Chromium available or required");
        }
        String message = skipMessage(context, missing.get());
        if (context.getTestMethod().isEmpty()) {
            // Surefire sends test output to files; the build prints this file after the tests (antrun in pom.xml).
            System.err.println("[browser] " + message);
            try {
                java.nio.file.Files.createDirectories(Journey.REPORTS);
                java.nio.file.Files.writeString(Journey.REPORTS.resolve("skipped-browser-suites.txt"), message + "\n",
                        java.nio.charset.StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.CREATE,
                        java.nio.file.StandardOpenOption.APPEND);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
        return disabled(message);
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        Optional<String> missing = Chromium.missing();
        if (missing.isPresent()) {
            if (Chromium.required()) {
                throw new AssertionFailedError("KC_REQUIRE_BROWSER=true but " + missing.get());
            }
            throw new TestAbortedException(skipMessage(context, missing.get()));
        }
    }

    private static String skipMessage(ExtensionContext context, String reason) {
        return "Browser suite " + context.getRequiredTestClass().getSimpleName() + " SKIPPED: " + reason
                + ". Install chromium and chromium-driver to run it (KC_REQUIRE_BROWSER=true makes this a failure).";
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == Journey.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        String port = SpringExtension.getApplicationContext(context).getEnvironment().getProperty("local.server.port");
        String name = context.getRequiredTestMethod().isAnnotationPresent(JourneyName.class)
                ? context.getRequiredTestMethod().getAnnotation(JourneyName.class).value()
                : context.getRequiredTestMethod().getName();
        Journey journey = new Journey(name, "http://localhost:" + port);
        context.getStore(NAMESPACE).put(Journey.class, journey);
        return journey;
    }

    @Override
    public void afterEach(ExtensionContext context) {
        Journey journey = context.getStore(NAMESPACE).remove(Journey.class, Journey.class);
        if (journey == null) {
            return;
        }
        Throwable failure = context.getExecutionException().orElse(null);
        List<String> findings = journey.finish(failure);
        if (failure == null && !findings.isEmpty()) {
            throw new AssertionFailedError("Journey " + journey.name() + ": " + findings.size()
                    + " accessibility/layout finding(s) (full report: target/e2e-report/" + journey.name() + ".txt)\n"
                    + String.join("\n", findings));
        }
    }
}
