package kr.kaesongcrossing.checkpoint;

import kr.kaesongcrossing.system.PageAccess;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Lane staff scan; the log and the roster are also read by office staff and administrators. The JSON API has its own chain ({@link ApiSecurityConfig}). */
@Configuration
class CheckpointAccess {

    @Bean
    PageAccess checkpointPages() {
        return pages -> pages
                .requestMatchers("/checkpoint/log/**", "/checkpoint/roster/**")
                .hasAnyRole("CHECKPOINT", "SUPERVISOR", "OFFICER", "ADMIN")
                .requestMatchers("/checkpoint/**").hasAnyRole("CHECKPOINT", "SUPERVISOR");
    }
}
