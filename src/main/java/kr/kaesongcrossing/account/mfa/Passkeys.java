package kr.kaesongcrossing.account.mfa;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import kr.kaesongcrossing.account.AccountPrincipal;
import kr.kaesongcrossing.account.Accounts;
import kr.kaesongcrossing.system.PageAccess;
import kr.kaesongcrossing.system.SignInMethod;
import kr.kaesongcrossing.audit.AuditTrail;
import kr.kaesongcrossing.audit.Subject;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcOperations;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.config.ObjectPostProcessor;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.FactorGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.authentication.session.ChangeSessionIdAuthenticationStrategy;
import org.springframework.security.web.authentication.session.CompositeSessionAuthenticationStrategy;
import org.springframework.security.authentication.AuthenticationTrustResolver;
import org.springframework.security.authentication.AuthenticationTrustResolverImpl;
import org.springframework.security.web.authentication.session.SessionAuthenticationStrategy;
import org.springframework.security.web.csrf.CsrfAuthenticationStrategy;
import org.springframework.security.web.csrf.HttpSessionCsrfTokenRepository;
import org.springframework.security.web.webauthn.api.AuthenticatorSelectionCriteria;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialRpEntity;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialUserEntity;
import org.springframework.security.web.webauthn.api.ResidentKeyRequirement;
import org.springframework.security.web.webauthn.api.UserVerificationRequirement;
import org.springframework.security.web.webauthn.authentication.WebAuthnAuthenticationFilter;
import org.springframework.security.web.webauthn.authentication.WebAuthnAuthenticationRequestToken;
import org.springframework.security.web.webauthn.management.JdbcPublicKeyCredentialUserEntityRepository;
import org.springframework.security.web.webauthn.management.JdbcUserCredentialRepository;
import org.springframework.security.web.webauthn.management.PublicKeyCredentialUserEntityRepository;
import org.springframework.security.web.webauthn.management.UserCredentialRepository;
import org.springframework.security.web.webauthn.management.WebAuthnRelyingPartyOperations;
import org.springframework.security.web.webauthn.management.Webauthn4JRelyingPartyOperations;
import org.springframework.security.authorization.AuthorizationDeniedException;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.json.JsonMapper;

/**
 * Passkeys (WebAuthn, Spring Security's {@code http.webAuthn}): sign-in at {@code POST /login/webauthn} with the
 * options from {@code POST /webauthn/authenticate/options}, registration at {@code POST /webauthn/register} with
 * the options from {@code POST /webauthn/register/options}. Passkeys and user handles are kept in the database by
 * Spring's JDBC repositories (V48). User verification (PIN, fingerprint, face) is required both when a passkey is
 * made and at every sign-in, so a passkey is two factors in one (NIST SP 800-63B AAL2): it signs anybody in
 * without a password, and is a staff member's second factor ({@link SecondFactorGate}).
 * <p>
 * A passkey sign-in carries our own principal (the same as a password sign-in, from {@link Accounts#signInVerified})
 * and {@code FACTOR_WEBAUTHN}, and ends like a password sign-in (the login success handler: language, browser,
 * re-check), answered as JSON for the page's script. A passkey given in a session already signed in as the same
 * person keeps that sign-in's factors (Spring's multi-factor merge): password and passkey make one sign-in.
 * <p>
 * The relying party ({@code kc.webauthn.*}): {@code rp-id} is the site's domain (passkeys are bound to it;
 * changing it later orphans every passkey), {@code allowed-origins} the exact origins pages are served from
 * ({@code https://crossing.example.kr}, comma-separated). The {@code mysql} profile takes both from the environment
 * with no default: read with {@code @Value}, an unset variable stops the start-up naming it (a configuration
 * properties binding would take the placeholder's text as the value). With the development default
 * {@code localhost}, the port this instance listens on is allowed as well (tests use random ports); any other rp id
 * allows only the listed origins.
 */
@Configuration(proxyBeanMethods = false)
class Passkeys {


    private static final String LOCAL = "localhost";
    static final int MAX_LABEL = 64;
    /** A registration is a few kilobytes (attestation and client data); more is not one. */
    private static final int MAX_BODY = 64 * 1024;
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final RequestMatcher REGISTER =
            PathPatternRequestMatcher.pathPattern(HttpMethod.POST, "/webauthn/register");
    private static final AuthenticationTrustResolver TRUST = new AuthenticationTrustResolverImpl();
    private static final SessionAuthenticationStrategy NEW_CSRF_TOKEN =
            new CsrfAuthenticationStrategy(new HttpSessionCsrfTokenRepository());

    private final String rpId;
    private final String rpName;
    /** Read at every check by Spring's relying party, so the port added once the server listens counts. */
    private final Set<String> origins = ConcurrentHashMap.newKeySet();

    Passkeys(@Value("${kc.webauthn.rp-id}") String rpId, @Value("${kc.webauthn.rp-name}") String rpName,
            @Value("${kc.webauthn.allowed-origins}") String[] allowedOrigins) {
        this.rpId = rpId.strip();
        this.rpName = rpName.isBlank() ? this.rpId : rpName.strip();
        Arrays.stream(allowedOrigins).map(String::strip).filter(o -> !o.isEmpty()).forEach(origins::add);
        if (this.rpId.isEmpty() || origins.isEmpty()) {
            throw new IllegalStateException("Passkeys need the site's domain and origins: set kc.webauthn.rp-id "
                    + "(KC_WEBAUTHN_RP_ID) and kc.webauthn.allowed-origins (KC_WEBAUTHN_ALLOWED_ORIGINS)");
        }
    }

    @Bean
    PublicKeyCredentialUserEntityRepository passkeyUsers(JdbcOperations jdbc) {
        return new JdbcPublicKeyCredentialUserEntityRepository(jdbc);
    }

    @Bean
    UserCredentialRepository passkeyCredentials(JdbcOperations jdbc) {
        return new JdbcUserCredentialRepository(jdbc);
    }

    @Bean
    WebAuthnRelyingPartyOperations passkeyRelyingParty(PublicKeyCredentialUserEntityRepository users,
            UserCredentialRepository credentials) {
        Webauthn4JRelyingPartyOperations relyingParty = new Webauthn4JRelyingPartyOperations(users, credentials,
                PublicKeyCredentialRpEntity.builder().id(rpId).name(rpName).build(), origins);
        relyingParty.setCustomizeCreationOptions(options -> options.authenticatorSelection(
                AuthenticatorSelectionCriteria.builder().residentKey(ResidentKeyRequirement.REQUIRED)
                        .userVerification(UserVerificationRequirement.REQUIRED).build()));
        relyingParty.setCustomizeRequestOptions(options -> options
                .userVerification(UserVerificationRequirement.REQUIRED));
        return relyingParty;
    }

    @Bean
    SignInMethod passkeySignIn(WebAuthnRelyingPartyOperations relyingParty, Accounts accounts, Clock clock,
            AuthenticationSuccessHandler loginSuccessHandler, SecondFactorGate gate,
            AccessDeniedHandler secondFactorDeniedHandler, AuditTrail audit) {
        AuthenticationManager manager = request -> signIn(relyingParty, accounts, audit, clock, request);
        return http -> {
            // Spring's configurer insists on a UserDetailsService for its own provider, which the filter below
            // never uses (our manager replaces it): one that finds nobody.
            http.setSharedObject(UserDetailsService.class, username -> {
                throw new UsernameNotFoundException("passkeys sign in through Passkeys.signIn");
            });
            // before Spring's passkey filters (added at the same places when the chain is built)
            http.addFilterBefore(new RegistrationOptionsGate(gate, secondFactorDeniedHandler),
                    AuthorizationFilter.class);
            http.addFilterAfter(new RegistrationOutcome(audit), AuthorizationFilter.class);
            http.webAuthn(webAuthn -> webAuthn
                    .rpId(rpId).rpName(rpName).allowedOrigins(origins)
                    .disableDefaultRegistrationPage(true)
                    .creationOptionsRepository(new SessionCreationOptions())
                    .withObjectPostProcessor(new ObjectPostProcessor<WebAuthnAuthenticationFilter>() {
                        @Override
                        public <O extends WebAuthnAuthenticationFilter> O postProcess(O filter) {
                            filter.setAuthenticationManager(manager);
                            // a passkey given in a session of the same person adds to its factors
                            filter.setMfaEnabled(true);
                            // Spring's configurer leaves this filter without fixation protection: a new id and,
                            // when the passkey starts a sign-in, a new CSRF token, as a password sign-in gets. One
                            // that adds the second factor keeps the token, as a code does: the page's form goes on.
                            filter.setSessionAuthenticationStrategy(new CompositeSessionAuthenticationStrategy(List.of(
                                    new ChangeSessionIdAuthenticationStrategy(), Passkeys::newTokenOnSignIn)));
                            filter.setAuthenticationSuccessHandler((request, response, signedIn) ->
                                    loginSuccessHandler.onAuthenticationSuccess(request, new RedirectAsJson(response),
                                            signedIn));
                            return filter;
                        }
                    }));
        };
    }

    /**
     * Spring's own endpoint for deleting a passkey ({@code DELETE /webauthn/register/{id}}) is closed: deleting goes
     * through {@code /account/passkeys/delete}, which keeps staff from deleting their only second factor.
     */
    @Bean
    PageAccess passkeyPages() {
        return pages -> pages.requestMatchers(HttpMethod.DELETE, "/webauthn/register/**").denyAll();
    }

    /** With the development rp id {@code localhost}, pages from this instance's own port are allowed too. */
    @EventListener
    void allowOwnPort(WebServerInitializedEvent event) {
        if (LOCAL.equals(rpId) && event.getWebServer().getPort() > 0) {
            origins.add("http://localhost:" + event.getWebServer().getPort());
        }
    }

    private static void newTokenOnSignIn(Authentication signedIn, HttpServletRequest request,
            HttpServletResponse response) {
        Authentication before = SecurityContextHolder.getContextHolderStrategy().getContext().getAuthentication();
        if (!TRUST.isAuthenticated(before)) {
            NEW_CSRF_TOKEN.onAuthentication(signedIn, request, response);
        }
    }

    private static Authentication signIn(WebAuthnRelyingPartyOperations relyingParty, Accounts accounts,
            AuditTrail audit, Clock clock, Authentication request) {
        if (!(request instanceof WebAuthnAuthenticationRequestToken passkey)) {
            throw new BadCredentialsException("not a passkey");
        }
        PublicKeyCredentialUserEntity user;
        try {
            user = relyingParty.authenticate(passkey.getWebAuthnRequest());
        } catch (RuntimeException refused) {
            audit.refused("login.failed", Subject.NONE, "reason=passkey");
            throw new BadCredentialsException("passkey refused");
        }
        AccountPrincipal principal = accounts.signInVerified(user.getName())
                .orElseThrow(() -> new BadCredentialsException("login refused"));
        audit.recordAs(principal.auditActor(), "login.passkey", Subject.of("account", principal.id()),
                AuditTrail.Outcome.SUCCESS, null);
        List<GrantedAuthority> authorities = new ArrayList<>(principal.getAuthorities());
        authorities.add(FactorGrantedAuthority.withAuthority(FactorGrantedAuthority.WEBAUTHN_AUTHORITY)
                .issuedAt(clock.instant()).build());
        return UsernamePasswordAuthenticationToken.authenticated(principal, null, authorities);
    }

    /**
     * Spring answers {@code POST /webauthn/register/options} before the page rules: the gate's rule for registering
     * is applied to it here, so staff who may not register now (password alone after enrolment, or a second factor
     * older than the step-up allows) go to the code page before their authenticator makes a passkey.
     */
    private static final class RegistrationOptionsGate extends OncePerRequestFilter {

        private static final RequestMatcher OPTIONS =
                PathPatternRequestMatcher.pathPattern(HttpMethod.POST, "/webauthn/register/options");

        private final SecondFactorGate gate;
        private final AccessDeniedHandler denied;

        RegistrationOptionsGate(SecondFactorGate gate, AccessDeniedHandler denied) {
            this.gate = gate;
            this.denied = denied;
        }

        @Override
        protected boolean shouldNotFilter(HttpServletRequest request) {
            return !OPTIONS.matches(request);
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            AuthorizationResult result = gate.authorize(
                    () -> SecurityContextHolder.getContextHolderStrategy().getContext().getAuthentication(),
                    new RequestAuthorizationContext(request));
            if (result.isGranted()) {
                chain.doFilter(request, response);
            } else {
                denied.handle(request, response, new AuthorizationDeniedException("second factor needed", result));
            }
        }
    }

    /**
     * Around Spring's {@code POST /webauthn/register}: a registration the relying party refuses (wrong origin, no
     * user verification, a forged or replayed answer, a label the table cannot hold) is a 400 for the page's script
     * instead of a server error, and an accepted one is in the audit log.
     */
    private static final class RegistrationOutcome extends OncePerRequestFilter {

        private final AuditTrail audit;

        RegistrationOutcome(AuditTrail audit) {
            this.audit = audit;
        }

        @Override
        protected boolean shouldNotFilter(HttpServletRequest request) {
            return !SecondFactorGate.ENROLMENT.matches(request);
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            Object who = request.getUserPrincipal() instanceof Authentication signedIn ? signedIn.getPrincipal() : null;
            Long account = who instanceof AccountPrincipal principal ? principal.id() : null;
            HttpServletRequest checked = request;
            if (REGISTER.matches(request)) {
                byte[] body = request.getInputStream().readNBytes(MAX_BODY + 1);
                if (body.length > MAX_BODY || !isGoodLabel(body)) {
                    response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
                    response.setContentType(MediaType.APPLICATION_JSON_VALUE);
                    response.getWriter().write("{\"problem\":\"label\"}");
                    return;
                }
                checked = new ReadAgain(request, body);
            }
            try {
                chain.doFilter(checked, response);
            } catch (RuntimeException refused) {
                if (response.isCommitted()) {
                    throw refused;
                }
                audit.refused("mfa.passkey-added", Subject.of("account", account),
                        "reason=" + refused.getClass().getSimpleName());
                response.resetBuffer();
                response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
                return;
            }
            if (response.getStatus() == HttpServletResponse.SC_OK) {
                audit.record("mfa.passkey-added", Subject.of("account", account), null);
            }
        }
    }

    /** The label the person typed: 1 to {@value #MAX_LABEL} characters, as the page asks. */
    static boolean isGoodLabel(byte[] registration) {
        try {
            String label = JSON.readTree(registration).path("publicKey").path("label").asString("").strip();
            return !label.isEmpty() && label.length() <= MAX_LABEL;
        } catch (RuntimeException notJson) {
            return false;
        }
    }

    /** A request whose body was read once already, read again from the copy. */
    private static final class ReadAgain extends HttpServletRequestWrapper {

        private final byte[] body;

        ReadAgain(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream bytes = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public int read() {
                    return bytes.read();
                }

                @Override
                public int read(byte[] into, int offset, int length) {
                    return bytes.read(into, offset, length);
                }

                @Override
                public boolean isFinished() {
                    return bytes.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException("blocking reads only");
                }
            };
        }

        @Override
        public BufferedReader getReader() {
            return new BufferedReader(new InputStreamReader(getInputStream(), StandardCharsets.UTF_8));
        }
    }

    /** The page's script follows the address itself: the success handler's redirect becomes a JSON answer. */
    private static final class RedirectAsJson extends HttpServletResponseWrapper {

        RedirectAsJson(HttpServletResponse response) {
            super(response);
        }

        @Override
        public void sendRedirect(String location) throws IOException {
            setStatus(HttpServletResponse.SC_OK);
            setContentType(MediaType.APPLICATION_JSON_VALUE);
            getWriter().write(JSON.writeValueAsString(Map.of("authenticated", true, "redirectUrl", location)));
        }
    }
}
