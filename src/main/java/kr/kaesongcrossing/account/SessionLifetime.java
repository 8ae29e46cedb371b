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
import kr.kaesongcrossing.audit.Actor;
import kr.kaesongcrossing.audit.AuditTrail;
import kr.kaesongcrossing.audit.Subject;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterProperties;
import org.springframework.core.Ordered;
import org.springframework.security.core.context.SecurityContext;
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

    private final Duration lifetime;
    private final AuditTrail audit;
    private final Clock clock;

    SessionLifetime(@Value("${kc.session.absolute-lifetime:PT12H}") Duration lifetime, AuditTrail audit, Clock clock) {
        this.lifetime = lifetime;
        this.audit = audit;
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
            Object signedIn = session.getAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY);
            session.invalidate();
            if (signedIn != null) {
                Actor actor = signedIn instanceof SecurityContext context && context.getAuthentication() != null
                        && context.getAuthentication().getPrincipal() instanceof AccountPrincipal user
                        ? user.auditActor() : Actor.anonymous();
                audit.recordAs(actor, "session.ended-absolute-lifetime", Subject.NONE, AuditTrail.Outcome.SUCCESS,
                        null);
                response.sendRedirect(request.getContextPath() + EXPIRED_PAGE);
                return;
            }
        }
        chain.doFilter(request, response);
    }
}
