package kr.kaesongcrossing.checkpoint.scan;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import java.time.Duration;
import java.util.List;
import kr.kaesongcrossing.schedule.ScheduleSettings;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
class CheckpointConfig {

    /**
     * The decision rule; {@code kc.checkpoint.clock-skew} tolerates clocks that are slightly off (default 2 minutes),
     * {@code kc.checkpoint.offline-window} is how old a device's offline scan may be when it arrives (default 12 h);
     * the slot checks and their window are the schedule's ({@code kc.schedule.gate-*}).
     */
    @Bean
    ScanRules scanRules(Route route, @Value("${kc.checkpoint.clock-skew:PT2M}") Duration clockSkew,
            @Value("${kc.checkpoint.offline-window:PT12H}") Duration offlineWindow, ScheduleSettings schedule) {
        return new ScanRules(route, clockSkew, offlineWindow, new SlotWindow(schedule.gateChecks(),
                schedule.gateWindowBefore(), schedule.gateWindowAfter()));
    }

    /** The gates south to north, {@code kc.route.gates} (default {@code DORASAN,KAESONG}). */
    @Bean
    Route route(@Value("${kc.route.gates:DORASAN,KAESONG}") List<Gate> gates) {
        return new Route(gates);
    }

    /** The OpenAPI description of the scanner API (served at /v3/api-docs, shown at /swagger-ui.html). */
    @Bean
    OpenAPI scannerApi() {
        return new OpenAPI()
                .info(new Info().title("Kaesong Crossing scanner API").version("v1")
                        .description("Lane scanner devices post scans with a bearer device token issued at "
                                + "/admin/devices. Signed-in checkpoint staff may use their session instead."))
                .components(new Components().addSecuritySchemes("deviceToken",
                        new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer")))
                .addSecurityItem(new SecurityRequirement().addList("deviceToken"));
    }
}
