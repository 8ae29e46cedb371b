package kr.kaesongcrossing.application;

import kr.kaesongcrossing.system.PageAccess;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Applicants work on their own applications, profiles and vehicles, coordinators on their groups, and holders and
 * coordinators on their standing permits ({@code /permits}); office staff review them, record the counterpart's
 * consent and grant permits ({@code /review/permits}).
 */
@Configuration
class ApplicationAccess {

    @Bean
    PageAccess applicationPages() {
        return pages -> pages
                .requestMatchers("/applications/**", "/profile", "/profile/**", "/groups", "/groups/**").hasRole("CIVILIAN")
                .requestMatchers("/vehicles", "/vehicles/**").hasRole("CIVILIAN")
                .requestMatchers("/permits", "/permits/**").hasRole("CIVILIAN")
                .requestMatchers("/review/**").hasRole("OFFICER");
    }
}
