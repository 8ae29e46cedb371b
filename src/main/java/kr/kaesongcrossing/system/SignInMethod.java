package kr.kaesongcrossing.system;

import org.springframework.security.config.annotation.web.builders.HttpSecurity;

/**
 * A way to sign in besides the password form, added to the web filter chain by the module that owns it (passkeys:
 * account). {@link SecurityConfig} applies every such bean to the web chain only, not to the device API chain.
 */
@FunctionalInterface
public interface SignInMethod {

    void addTo(HttpSecurity web) throws Exception;
}
