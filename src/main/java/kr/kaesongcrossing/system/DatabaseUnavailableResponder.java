package kr.kaesongcrossing.system;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.DispatcherServlet;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.View;
import org.thymeleaf.spring6.view.ThymeleafViewResolver;

/**
 * Writes the answer for a request that failed because the database is unavailable: 503 with a
 * {@code Retry-After}, a JSON error for {@code /api/**} and the error page in the user's language for pages.
 * Touches no database (the locale comes from the language cookie, the page has no per-user data).
 */
@Component
class DatabaseUnavailableResponder {

    static final String VIEW = "error/503";
    static final String ERROR_CODE = "DATABASE_UNAVAILABLE";
    static final int RETRY_AFTER_SECONDS = 5;

    private static final Logger log = LoggerFactory.getLogger(DatabaseUnavailableResponder.class);

    private final ThymeleafViewResolver viewResolver;
    private final LocaleResolver localeResolver;
    private final MessageSource messages;
    private final boolean demoMode;

    DatabaseUnavailableResponder(ThymeleafViewResolver viewResolver, LocaleResolver localeResolver,
            MessageSource messages, @Value("${kc.demo.enabled}") boolean demoMode) {
        this.viewResolver = viewResolver;
        this.localeResolver = localeResolver;
        this.messages = messages;
        this.demoMode = demoMode;
    }

    /** True for the JSON API (also while rendering an error for it, where the URI is the error path). */
    static boolean isApiRequest(HttpServletRequest request) {
        Object original = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        String uri = original instanceof String text ? text : request.getRequestURI();
        return uri != null && uri.startsWith(request.getContextPath() + "/api/");
    }

    /** Answers 503 if nothing has been sent yet; returns false when the response was already committed. */
    boolean respond(HttpServletRequest request, HttpServletResponse response, Throwable failure) {
        log.warn("Database unavailable, answering 503 to {} {}: {}", request.getMethod(), request.getRequestURI(),
                describe(failure));
        if (response.isCommitted()) {
            return false;
        }
        response.reset();
        response.setStatus(HttpStatus.SERVICE_UNAVAILABLE.value());
        response.setHeader(HttpHeaders.RETRY_AFTER, Integer.toString(RETRY_AFTER_SECONDS));
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("X-Frame-Options", "DENY");
        response.setHeader("Referrer-Policy", "same-origin");
        response.setHeader("Content-Security-Policy", SecurityConfig.CONTENT_SECURITY_POLICY);
        Locale locale = localeResolver.resolveLocale(request);
        try {
            if (isApiRequest(request)) {
                writeJson(response, locale);
            } else {
                writePage(request, response, locale);
            }
        } catch (Exception renderingFailure) {
            log.warn("Could not render the 503 answer: {}", describe(renderingFailure));
            writePlainText(response, locale);
        }
        return true;
    }

    private void writeJson(HttpServletResponse response, Locale locale) throws IOException {
        String message = messages.getMessage("system.unavailable.text", null, locale);
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter().write("{\"status\":503,\"error\":\"" + ERROR_CODE + "\",\"message\":\""
                + jsonEscape(message) + "\",\"retryAfterSeconds\":" + RETRY_AFTER_SECONDS + "}");
    }

    private void writePage(HttpServletRequest request, HttpServletResponse response, Locale locale)
            throws Exception {
        View view = viewResolver.resolveViewName(VIEW, locale);
        if (view == null) {
            writePlainText(response, locale);
            return;
        }
        // Outside the DispatcherServlet (a failure in a filter) the view still finds the user's language.
        request.setAttribute(DispatcherServlet.LOCALE_RESOLVER_ATTRIBUTE, localeResolver);
        view.render(Map.of("demoMode", demoMode), request, response);
    }

    private void writePlainText(HttpServletResponse response, Locale locale) {
        try {
            response.resetBuffer();
            response.setContentType(MediaType.TEXT_PLAIN_VALUE);
            response.setCharacterEncoding(StandardCharsets.UTF_8.name());
            response.getWriter().write(messages.getMessage("system.unavailable.title", null, locale) + "\n"
                    + messages.getMessage("system.unavailable.text", null, locale) + "\n");
        } catch (IOException | IllegalStateException ignored) {
            // the client is gone or the stream is in use; the status line is all we can give
        }
    }

    static String jsonEscape(String value) {
        StringBuilder out = new StringBuilder(value.length() + 16);
        for (char c : value.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20 || c == '<' || c == '>' || c == '&') {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }

    private static String describe(Throwable failure) {
        StringBuilder out = new StringBuilder();
        Throwable current = failure;
        for (int depth = 0; current != null && depth < 6; depth++, current = current.getCause()) {
            if (depth > 0) {
                out.append(" <- ");
            }
            out.append(current.getClass().getSimpleName()).append(": ").append(current.getMessage());
            if (current.getCause() == current) {
                break;
            }
        }
        return out.toString();
    }
}
