package kr.kaesongcrossing.account.mfa;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import kr.kaesongcrossing.account.AccountPrincipal;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.authorization.AuthorityAuthorizationDecision;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.authorization.AuthorizationManagerFactory;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.authorization.DefaultAuthorizationManagerFactory;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.FactorGrantedAuthority;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.access.DelegatingMissingAuthorityAccessDeniedHandler;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Staff pages need two factors: the password and a second factor ({@code FACTOR_TOTP}), or a passkey alone
 * ({@code FACTOR_WEBAUTHN}: possession plus the user verification every passkey sign-in requires, NIST SP 800-63B
 * AAL2); {@link #SECOND_FACTORS} holds both. Spring Security 7.0 combines required factors with AND only, so the
 * rule is written here and added to every role and sign-in rule of the web chain through the
 * {@link AuthorizationManagerFactory} bean (open pages, {@code permitAll}, stay open). Civilians are not asked.
 * A staff member without the second factor is sent to {@code /account/second-factor?continue=...}; the paths in
 * {@link #ALLOWLIST} are reachable with the password alone, and so is registering a first passkey
 * ({@link #ENROLMENT}) while the account has no second factor at all. The actions in {@link #STEP_UP} also need
 * the second factor to be at most {@link #STEP_UP_WITHIN} old.
 */
@Configuration(proxyBeanMethods = false)
class SecondFactorGate {

    static final String TOTP = "FACTOR_TOTP";
    static final String PASSKEY = FactorGrantedAuthority.WEBAUTHN_AUTHORITY;
    /** Any one of these is the second factor; the newest one's time is what step-up looks at. */
    static final Set<String> SECOND_FACTORS = Set.of(TOTP, PASSKEY);
    static final Set<String> STAFF = Set.of("ROLE_OFFICER", "ROLE_CHECKPOINT", "ROLE_SUPERVISOR", "ROLE_ADMIN");
    static final Duration STEP_UP_WITHIN = Duration.ofMinutes(5);

    /** Reachable by staff with the password alone: the second-factor pages, signing out, errors, the language. */
    static final RequestMatcher ALLOWLIST = new OrRequestMatcher(Arrays.stream(new String[] {
        "/account/second-factor", "/account/second-factor/**", "/logout", "/error", "/error/**", "/favicon.ico",
        "/account/language"})
            .map(PathPatternRequestMatcher::pathPattern).map(RequestMatcher.class::cast).toList());

    /**
     * Registering a passkey: with the password alone only as the account's first second factor (enrolment). The
     * options come first ({@link Passkeys} applies this rule to them too), so a refused person is not asked to touch
     * their authenticator for a passkey the site would then refuse.
     */
    static final RequestMatcher ENROLMENT = new OrRequestMatcher(
            PathPatternRequestMatcher.pathPattern(HttpMethod.POST, "/webauthn/register"),
            PathPatternRequestMatcher.pathPattern(HttpMethod.POST, "/webauthn/register/options"));

    /**
     * Sensitive actions: a second factor from the last five minutes (step-up). Adding or removing a passkey is one:
     * a factor is not changed on the strength of an old one. A supervisor override is confirmed by the supervisor's
     * own password and current code in the override form instead (checkpoint).
     */
    static final RequestMatcher STEP_UP = new OrRequestMatcher(Arrays.stream(new String[] {
        "/admin/keys/rotate", "/admin/devices", "/admin/devices/*/revoke", "/admin/users/*/role",
        "/admin/users/*/second-factors/reset", "/webauthn/register", "/webauthn/register/options",
        "/account/passkeys/delete"})
            .map(path -> PathPatternRequestMatcher.pathPattern(HttpMethod.POST, path))
            .map(RequestMatcher.class::cast).toList());

    private final Clock clock;
    private final ObjectProvider<SecondFactors> factors;

    /** {@code factors} is looked up when first needed: the gate is built with the filter chain, before JPA. */
    SecondFactorGate(Clock clock, ObjectProvider<SecondFactors> factors) {
        this.clock = clock;
        this.factors = factors;
    }

    @Bean
    AuthorizationManagerFactory<RequestAuthorizationContext> secondFactorAuthorization() {
        DefaultAuthorizationManagerFactory<RequestAuthorizationContext> factory =
                new DefaultAuthorizationManagerFactory<>();
        factory.setAdditionalAuthorization(this::authorize);
        return factory;
    }

    /** Sends a staff member who lacks the second factor to the code page; other refusals stay 403. */
    @Bean
    AccessDeniedHandler secondFactorDeniedHandler() {
        return DelegatingMissingAuthorityAccessDeniedHandler.builder()
                .addEntryPointFor((request, response, refused) -> response.sendRedirect(
                        request.getContextPath() + "/account/second-factor?continue="
                                + URLEncoder.encode(continueFor(request), StandardCharsets.UTF_8)), TOTP)
                .build();
    }

    AuthorizationResult authorize(java.util.function.Supplier<? extends Authentication> authentication,
            RequestAuthorizationContext context) {
        Authentication who = authentication.get();
        if (who == null || !isStaff(who) || ALLOWLIST.matches(context.getRequest())) {
            return new AuthorizationDecision(true);
        }
        if (factor(who, FactorGrantedAuthority.PASSWORD_AUTHORITY).isEmpty() && factor(who, PASSKEY).isEmpty()) {
            return missing(FactorGrantedAuthority.PASSWORD_AUTHORITY);
        }
        Optional<Instant> second = secondFactorAt(who);
        if (second.isEmpty()) {
            return ENROLMENT.matches(context.getRequest()) && who.getPrincipal() instanceof AccountPrincipal user
                    && !factors.getObject().isEnrolled(user.id()) ? new AuthorizationDecision(true) : missing(TOTP);
        }
        if (STEP_UP.matches(context.getRequest()) && !isFresh(second.get())) {
            return missing(TOTP);
        }
        return new AuthorizationDecision(true);
    }

    boolean isFresh(Instant issuedAt) {
        return issuedAt.plus(STEP_UP_WITHIN).isAfter(clock.instant());
    }

    static boolean isStaff(Authentication who) {
        return who.getAuthorities().stream().map(GrantedAuthority::getAuthority).anyMatch(STAFF::contains);
    }

    /** When the newest second factor of the sign-in was given, if any. */
    static Optional<Instant> secondFactorAt(Authentication who) {
        return SECOND_FACTORS.stream().map(f -> factor(who, f)).flatMap(Optional::stream)
                .map(FactorGrantedAuthority::getIssuedAt).max(Instant::compareTo);
    }

    static Optional<FactorGrantedAuthority> factor(Authentication who, String authority) {
        return who.getAuthorities().stream().filter(FactorGrantedAuthority.class::isInstance)
                .map(FactorGrantedAuthority.class::cast).filter(f -> f.getAuthority().equals(authority)).findFirst();
    }

    private static AuthorityAuthorizationDecision missing(String authority) {
        return new AuthorityAuthorizationDecision(false, List.of(FactorGrantedAuthority.fromAuthority(authority)));
    }

    /** Where to go after the code: the page asked for, or for a refused form the page it was sent from. */
    private static String continueFor(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (HttpMethod.GET.matches(request.getMethod())) {
            return safeContinue(request.getQueryString() == null ? path : path + "?" + request.getQueryString());
        }
        String referer = request.getHeader("Referer");
        try {
            URI from = referer == null ? null : URI.create(referer);
            if (from != null && request.getServerName().equalsIgnoreCase(from.getHost())) {
                return safeContinue(from.getRawQuery() == null ? from.getRawPath()
                        : from.getRawPath() + "?" + from.getRawQuery());
            }
        } catch (IllegalArgumentException unreadable) {
            // an unreadable Referer: home
        }
        return "/";
    }

    /** A local path only: no scheme, host or protocol-relative {@code //}, no backslash or control characters. */
    static String safeContinue(String target) {
        if (target == null || target.isEmpty() || target.length() > 500 || target.charAt(0) != '/'
                || target.startsWith("//") || target.startsWith("/\\")
                || target.chars().anyMatch(c -> c < 0x20 || c == 0x7f || c == '\\')) {
            return "/";
        }
        return target;
    }
}
