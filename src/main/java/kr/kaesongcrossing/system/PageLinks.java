package kr.kaesongcrossing.system;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Links that keep the current query: templates call {@code ${@pageLinks.with('page', 3)}} (current page) or
 * {@code ${@pageLinks.with(baseUrl, 'page', 3)}}. Used by the language switch and {@code fragments/pagination}.
 * On an error page "current" is the address that failed, not {@code /error}.
 */
@Component("pageLinks")
public class PageLinks {

    /** The current request's path and query with {@code name} set to {@code value} (relative, no host). */
    public String with(String name, Object value) {
        return with(null, name, value);
    }

    /** {@code baseUrl} (path with optional query; null = the current request) with {@code name} set to {@code value}. */
    public String with(String baseUrl, String name, Object value) {
        UriComponentsBuilder builder = baseUrl == null ? current() : UriComponentsBuilder.fromUriString(baseUrl);
        return builder.replaceQueryParam(name, String.valueOf(value)).build().toUriString();
    }

    private static UriComponentsBuilder current() {
        if (!(RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes)) {
            return UriComponentsBuilder.fromPath("/");
        }
        HttpServletRequest request = attributes.getRequest();
        Object failed = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        if (failed instanceof String failedUri) {
            return UriComponentsBuilder.fromPath(failedUri);
        }
        return UriComponentsBuilder.fromPath(request.getRequestURI()).query(request.getQueryString());
    }
}
