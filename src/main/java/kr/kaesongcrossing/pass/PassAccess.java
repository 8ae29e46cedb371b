package kr.kaesongcrossing.pass;

import kr.kaesongcrossing.system.PageAccess;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The public keys are public: anyone verifies a pass offline. Pass pages are for any signed-in person; {@link PassController} shows each holder only their own passes and keeps revoke and reissue for OFFICER. */
@Configuration
class PassAccess {

    @Bean
    PageAccess passPages() {
        return pages -> pages
                .requestMatchers("/.well-known/jwks.json").permitAll();
    }
}
