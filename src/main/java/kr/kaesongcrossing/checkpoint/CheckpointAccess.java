package kr.kaesongcrossing.checkpoint;

import kr.kaesongcrossing.system.PageAccess;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

/**
 * Lane staff scan; the log, the roster (and its live numbers) and the route mode are also read by office staff and administrators; only a
 * supervisor or an administrator changes the route mode. The day close is read by lane staff, supervisors and
 * administrators, and signed off by a supervisor or an administrator (not by lane staff: the signature vouches for
 * their day). The goods page is read by the same staff as the log; lane staff and supervisors tick off goods and
 * close goods differences. Offline scan conflicts are read by lane staff and acknowledged by a supervisor. The JSON API has its own chain ({@link ApiSecurityConfig}).
 */
@Configuration
class CheckpointAccess {

    @Bean
    PageAccess checkpointPages() {
        return pages -> pages
                .requestMatchers(HttpMethod.POST, "/checkpoint/route/**", "/checkpoint/day/**")
                .hasAnyRole("SUPERVISOR", "ADMIN")
                .requestMatchers(HttpMethod.POST, "/checkpoint/conflicts/**").hasRole("SUPERVISOR")
                .requestMatchers("/checkpoint/day").hasAnyRole("CHECKPOINT", "SUPERVISOR", "ADMIN")
                .requestMatchers("/checkpoint/log/**", "/checkpoint/roster/**", "/checkpoint/route/**",
                        "/checkpoint/live")
                .hasAnyRole("CHECKPOINT", "SUPERVISOR", "OFFICER", "ADMIN")
                .requestMatchers(HttpMethod.GET, "/checkpoint/goods").hasAnyRole("CHECKPOINT", "SUPERVISOR", "OFFICER",
                        "ADMIN")
                .requestMatchers("/checkpoint/**").hasAnyRole("CHECKPOINT", "SUPERVISOR");
    }
}
