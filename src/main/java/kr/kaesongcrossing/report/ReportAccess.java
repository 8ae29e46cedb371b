package kr.kaesongcrossing.report;

import kr.kaesongcrossing.system.PageAccess;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The reports are the office's figures: officers (review time, consent lag), supervisors (the gates' flows) and
 * administrators (the head of the office, the ministry's monthly report). Not lane staff, whose work is the scan of
 * the moment, nor civilians: the figures cover everyone's crossings.
 */
@Configuration
class ReportAccess {

    @Bean
    PageAccess reportPages() {
        return pages -> pages.requestMatchers("/reports", "/reports/**").hasAnyRole("OFFICER", "SUPERVISOR", "ADMIN");
    }
}
