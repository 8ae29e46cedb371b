package kr.kaesongcrossing.checkpoint.station;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import kr.kaesongcrossing.checkpoint.scan.Gate;

/** A station to pair as typed by the supervisor: its gate (on the route), lane and a name for the device list. */
record StationPairForm(
        @jakarta.validation.constraints.NotNull(message = "{validation.required}") Gate gate,
        @NotBlank(message = "{validation.required}") @Size(max = 40) String lane,
        @NotBlank(message = "{validation.required}") @Size(max = 100) String name) {

    static StationPairForm empty() {
        return new StationPairForm(null, "", "");
    }
}
