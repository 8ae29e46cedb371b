package kr.kaesongcrossing.account;

import kr.kaesongcrossing.system.PageAccess;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Anyone may register; signing in is opened by the form login itself. Staff administration is under /admin (ADMIN). */
@Configuration
class AccountAccess {

    @Bean
    PageAccess accountPages() {
        return pages -> pages
                .requestMatchers("/register").permitAll();
    }
}
