package kr.kaesongcrossing.system;

import java.util.List;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.header.writers.CrossOriginOpenerPolicyHeaderWriter.CrossOriginOpenerPolicy;

/**
 * One filter chain for the web pages. Every path is closed unless listed in {@link #PUBLIC_PATHS} or opened by a
 * module; each module ties its own pages to the roles that work in them through a {@link PageAccess} bean.
 * Form login uses the account module's
 * {@code accountAuthenticationManager} (throttled) and its success handler (sets the account's language). The
 * account module also adds the staff second factor to every role rule (its {@code AuthorizationManagerFactory}
 * bean, which this chain picks up) and gives the access-denied handler that sends staff to the code page; its
 * {@link SignInMethod} bean adds passkey sign-in ({@code http.webAuthn}).
 * Headers: CSP below, nosniff, frame DENY, Referrer-Policy same-origin, Cache-Control no-store on every dynamic
 * response, HSTS when the request came over HTTPS (directly or through a proxy with forwarded headers).
 */
@Configuration
@EnableMethodSecurity
class SecurityConfig {

    /**
     * Open to everyone: error pages, static files, the health check, the scan station's shell (page, manifest,
     * service worker, icons: no data; pairing at /station/pair is not among them). Modules open their own public
     * pages.
     */
    static final String[] PUBLIC_PATHS = {"/error", "/error/**", "/krds/**", "/css/**", "/js/**", "/img/**",
        "/vendor/**", "/audio/**", "/favicon.ico", "/actuator/health", "/actuator/health/**", "/station", "/station/",
        "/station/sw.js", "/station/manifest.webmanifest"};

    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data: blob:; font-src 'self'; connect-src 'self'; media-src 'self' blob:; "
            + "object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'";

    /** bcrypt at {@code kc.password.bcrypt-cost} (11: about 100 ms here); stored hashes keep their own cost. */
    @Bean
    PasswordEncoder passwordEncoder(@Value("${kc.password.bcrypt-cost}") int cost) {
        return new BCryptPasswordEncoder(cost);
    }

    @Bean
    SecurityFilterChain webSecurity(HttpSecurity http,
            @Qualifier("accountAuthenticationManager") AuthenticationManager accountAuthenticationManager,
            AuthenticationSuccessHandler loginSuccessHandler, AccessDeniedHandler accessDeniedHandler,
            List<PageAccess> modules, List<SignInMethod> signInMethods) throws Exception {
        http.authorizeHttpRequests(auth -> {
                    auth.requestMatchers(PUBLIC_PATHS).permitAll()
                            .requestMatchers("/admin/**", "/actuator/**").hasRole("ADMIN")
                            .requestMatchers("/v3/api-docs/**", "/swagger-ui/**", "/swagger-ui.html")
                            .hasAnyRole("ADMIN", "CHECKPOINT", "SUPERVISOR");
                    modules.forEach(module -> module.grant(auth));
                    auth.anyRequest().authenticated();
                })
                .authenticationManager(accountAuthenticationManager)
                .formLogin(form -> form.loginPage("/login").successHandler(loginSuccessHandler)
                        .failureUrl("/login?error").permitAll())
                .logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl("/login?logout")
                        .deleteCookies("KCSESSION"))
                .exceptionHandling(denied -> denied.accessDeniedHandler(accessDeniedHandler))
                .sessionManagement(session -> session.sessionFixation(fixation -> fixation.changeSessionId()))
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN))
                        .crossOriginOpenerPolicy(coop -> coop.policy(CrossOriginOpenerPolicy.SAME_ORIGIN))
                        .httpStrictTransportSecurity(hsts -> hsts.includeSubDomains(true)
                                .maxAgeInSeconds(31_536_000)));
        for (SignInMethod method : signInMethods) {
            method.addTo(http);
        }
        return http.build();
    }
}
