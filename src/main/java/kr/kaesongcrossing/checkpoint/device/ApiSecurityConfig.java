package kr.kaesongcrossing.checkpoint.device;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The JSON API's own filter chain, consulted before the web chain: scanner devices send
 * {@code Authorization: Bearer <token>} and become ROLE_DEVICE; signed-in staff use their session (so the camera
 * page can post scans): scans are for lane staff (CHECKPOINT, SUPERVISOR) only, office and admin staff get 403. It never creates a session and has no CSRF
 * protection: requests carry JSON (a cross-site form cannot send it without CORS, which is off) and the session
 * cookie is SameSite=Lax. Failures answer JSON 401/403, never a login page.
 */
@Configuration
class ApiSecurityConfig {

    static final String DEVICE_ROLE = "DEVICE";

    @Bean
    @Order(1)
    SecurityFilterChain apiSecurity(HttpSecurity http, DeviceTokens tokens) throws Exception {
        http.securityMatcher("/api/v1/**")
                .authorizeHttpRequests(auth -> auth
                        // a scan station's data and queue upload: its device credential only
                        .requestMatchers("/api/v1/station/**", "/api/v1/scans/batch").hasRole(DEVICE_ROLE)
                        // scans and their photos: lane devices and lane staff only
                        .requestMatchers("/api/v1/scans", "/api/v1/scans/**")
                        .hasAnyRole(DEVICE_ROLE, "CHECKPOINT", "SUPERVISOR")
                        .anyRequest().hasAnyRole(DEVICE_ROLE, "CHECKPOINT", "SUPERVISOR", "OFFICER", "ADMIN"))
                .csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.NEVER))
                .requestCache(cache -> cache.disable())
                .formLogin(form -> form.disable())
                .httpBasic(basic -> basic.disable())
                .addFilterBefore(new BearerDeviceFilter(tokens), BasicAuthenticationFilter.class)
                .exceptionHandling(errors -> errors
                        .authenticationEntryPoint((request, response, e) -> ApiErrors.write(response, 401,
                                "unauthorized", "A valid device token or staff session is required."))
                        .accessDeniedHandler((request, response, e) -> ApiErrors.write(response, 403,
                                "forbidden", "This account may not use the scanner API.")));
        return http.build();
    }

    /** Bearer token -> device authentication; a token that is present but unknown or revoked is refused at once. */
    static final class BearerDeviceFilter extends OncePerRequestFilter {

        private final DeviceTokens tokens;

        BearerDeviceFilter(DeviceTokens tokens) {
            this.tokens = tokens;
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            String header = request.getHeader(HttpHeaders.AUTHORIZATION);
            if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
                chain.doFilter(request, response);
                return;
            }
            Optional<DeviceTokens.DevicePrincipal> device = tokens.authenticate(header.substring(7));
            if (device.isEmpty()) {
                response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer error=\"invalid_token\"");
                ApiErrors.write(response, 401, "invalid_token", "The device token is unknown or revoked.");
                return;
            }
            SecurityContext context = SecurityContextHolder.createEmptyContext();
            context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(device.get(), null,
                    List.of(new SimpleGrantedAuthority("ROLE_" + DEVICE_ROLE))));
            SecurityContextHolder.setContext(context);
            try {
                chain.doFilter(request, response);
            } finally {
                SecurityContextHolder.clearContext();
            }
        }
    }

    /** Writes the API's JSON error body. */
    static final class ApiErrors {

        private ApiErrors() {
        }

        static void write(HttpServletResponse response, int status, String error, String message)
                throws IOException {
            response.setStatus(status);
            response.setContentType(MediaType.APPLICATION_JSON_VALUE);
            response.setCharacterEncoding("UTF-8");
            response.getWriter().write("{\"error\":\"" + error + "\",\"message\":\"" + message + "\"}");
        }
    }
}
