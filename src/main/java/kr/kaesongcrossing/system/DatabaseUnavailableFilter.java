package kr.kaesongcrossing.system;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Outermost guard for database failures outside the controllers: loading or saving the session (Spring Session
 * JDBC), signing in, or anything else in the filter chain. Sits before the session filter, so answering needs no
 * database; the error is rendered as {@link DatabaseUnavailableResponder} does for controllers.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class DatabaseUnavailableFilter extends OncePerRequestFilter {

    private final DatabaseUnavailableResponder responder;

    DatabaseUnavailableFilter(DatabaseUnavailableResponder responder) {
        this.responder = responder;
    }

    /** The error page can meet the same outage (it loads the session): answer it with 503 too. */
    @Override
    protected boolean shouldNotFilterErrorDispatch() {
        return false;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            chain.doFilter(request, response);
        } catch (ServletException | IOException | RuntimeException failure) {
            if (!DatabaseFailures.isUnavailable(failure) || !responder.respond(request, response, failure)) {
                throw failure;
            }
        }
    }
}
