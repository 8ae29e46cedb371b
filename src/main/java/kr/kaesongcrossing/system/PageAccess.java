package kr.kaesongcrossing.system;

import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;

/**
 * A module's own rules for its pages in the web filter chain: each module that has pages declares one bean, so who
 * may open {@code /review/**} is decided next to the review code. {@link SecurityConfig} applies the common rules
 * first (static files, errors, {@code /admin/**} for ADMIN), then every module's, then closes everything else to
 * anyone not signed in. Modules own disjoint paths, so their order does not matter.
 */
@FunctionalInterface
public interface PageAccess {

    void grant(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry pages);
}
