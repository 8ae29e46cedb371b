package kr.kaesongcrossing.checkpoint.route;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDateTime;
import kr.kaesongcrossing.checkpoint.RouteMode;
import org.springframework.format.annotation.DateTimeFormat;

/**
 * A route mode change as typed: the mode, why, and from when (KST, to the minute, as a datetime-local field sends
 * it; empty for now).
 */
record RouteModeForm(
        @NotNull(message = "{validation.required}") RouteMode mode,
        @NotBlank(message = "{validation.required}") @Size(max = RouteModeChange.MAX_REASON) String reason,
        @DateTimeFormat(pattern = "yyyy-MM-dd'T'HH:mm") LocalDateTime startsAt) {

    static RouteModeForm empty() {
        return new RouteModeForm(null, "", null);
    }
}
