package kr.kaesongcrossing.application;

import kr.kaesongcrossing.system.PageAccess;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Applicants work on their own applications and profiles, coordinators on their groups; office staff review them and record the counterpart's consent. */
@Configuration
class ApplicationAccess {

    @Bean
    PageAccess applicationPages() {
        return pages -> pages
                .requestMatchers("/applications/**", "/profile", "/profile/**", "/groups", "/groups/**").hasRole("CIVILIAN")
                .requestMatchers("/review/**").hasRole("OFFICER");
    }
}
