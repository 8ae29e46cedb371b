package kr.kaesongcrossing.account;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterProperties;
import org.springframework.core.Ordered;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A session ends {@code kc.session.absolute-lifetime} (12 hours) after it began, however active it stayed (the idle
 * timeout, {@code spring.session.timeout}, ends quiet ones sooner). Checked at every request before Spring Security
 * reads the session: a signed-in person whose session is that old lands on the sign-in page, which says why.
 */
@Component
class SessionLifetime extends OncePerRequestFilter implements Ordered {

    static final String EXPIRED_PAGE = "/login?expired";
    private static final Logger AUDIT = LoggerFactory.getLogger("kr.kaesongcrossing.audit");

    private final Duration lifetime;
    private final Clock clock;

    SessionLifetime(@Value("${kc.session.absolute-lifetime:PT12H}") Duration lifetime, Clock clock) {
        this.lifetime = lifetime;
        this.clock = clock;
    }

    @Override
    public int getOrder() {
        return SecurityFilterProperties.DEFAULT_FILTER_ORDER - 1;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        HttpSession session = request.getSession(false);
        if (session != null && !Instant.ofEpochMilli(session.getCreationTime()).plus(lifetime).isAfter(clock.instant())) {
            boolean signedIn = session.getAttribute(
                    HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY) != null;
            session.invalidate();
            if (signedIn) {
                AUDIT.info("session.ended-absolute-lifetime");
                response.sendRedirect(request.getContextPath() + EXPIRED_PAGE);
                return;
            }
        }
        chain.doFilter(request, response);
    }
}
