package kr.kaesongcrossing.account;

import kr.kaesongcrossing.system.PageAccess;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Anyone may sign in, register, ask for a password reset link and use it. The sign-in page is listed here, not left to the form login: that opens only
 * {@code /login} and {@code /login?error} exactly, and the page after logging out is {@code /login?logout}.
 * Staff administration is under /admin (ADMIN); {@code /account/**} (password, sessions) needs a sign-in.
 */
@Configuration
class AccountAccess {

    @Bean
    PageAccess accountPages() {
        return pages -> pages
                .requestMatchers("/login", "/register", "/password/forgot", "/password/reset").permitAll();
    }
}
