package kr.kaesongcrossing.system;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * {@code page} and {@code size} in a query string must be small decimal numbers (at most 6 digits), else 400. Spring
 * also converts "0x7fffffff" or "+2147483647" to an int, which then overflows page offsets into a 500; one rule
 * here keeps every paged list safe. Only the query string is read (never a form body).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 20)
class PagingParameterFilter extends OncePerRequestFilter {

    private static final Set<String> PAGING = Set.of("page", "size");
    private static final Pattern SMALL_NUMBER = Pattern.compile("\\d{0,6}");

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String query = request.getQueryString();
        if (query != null && !acceptable(query)) {
            response.sendError(HttpServletResponse.SC_BAD_REQUEST);
            return;
        }
        chain.doFilter(request, response);
    }

    static boolean acceptable(String query) {
        for (String pair : query.split("&")) {
            int equals = pair.indexOf('=');
            String name = decode(equals < 0 ? pair : pair.substring(0, equals));
            if (name != null && PAGING.contains(name)) {
                String value = equals < 0 ? "" : decode(pair.substring(equals + 1));
                if (value == null || !SMALL_NUMBER.matcher(value).matches()) {
                    return false;
                }
            }
        }
        return true;
    }

    private static String decode(String text) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException malformed) {
            return null;
        }
    }
}
