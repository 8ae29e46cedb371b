package kr.kaesongcrossing.checkpoint.station;

import kr.kaesongcrossing.system.PageAccess;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Only a supervisor pairs a scan station (the station's own API calls use its device credential). */
@Configuration
class StationAccess {

    @Bean
    PageAccess stationPairing() {
        return pages -> pages.requestMatchers("/station/pair").hasRole("SUPERVISOR");
    }
}
