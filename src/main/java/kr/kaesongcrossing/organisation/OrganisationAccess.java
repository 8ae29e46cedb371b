package kr.kaesongcrossing.organisation;

import kr.kaesongcrossing.system.PageAccess;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

/**
 * Civilians ask to join; civilians (their own memberships, and an organisation's page when they coordinate it) and
 * officers (every organisation) see {@code /organisations/**}, each organisation's page checked against the
 * person in {@link Memberships}. {@code /admin/organisations} is ADMIN by the common /admin rule.
 */
@Configuration
class OrganisationAccess {

    @Bean
    PageAccess organisationPages() {
        return pages -> pages
                .requestMatchers(HttpMethod.POST, "/organisations/*/join").hasRole("CIVILIAN")
                .requestMatchers("/organisations", "/organisations/**").hasAnyRole("CIVILIAN", "OFFICER");
    }
}
