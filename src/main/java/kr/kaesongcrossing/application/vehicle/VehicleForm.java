package kr.kaesongcrossing.application.vehicle;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import kr.kaesongcrossing.application.model.VehicleType;
import org.springframework.format.annotation.DateTimeFormat;

/**
 * A vehicle as its owner enters it. {@code organisationId} only when registering: empty for the person's own
 * vehicle, else one of the organisations they coordinate. The plate is normalised before it is checked.
 */
public record VehicleForm(
        Long organisationId,
        @NotBlank(message = "{validation.required}")
        @Pattern(regexp = "[0-9A-Z\\uAC00-\\uD7A3]{2,12}", message = "{vehicle.error.plate}") String plate,
        @NotNull(message = "{validation.required}") VehicleType type,
        @NotBlank(message = "{validation.required}") @Size(max = 100, message = "{vehicle.error.tooLong}") String make,
        @NotBlank(message = "{validation.required}") @Size(max = 50, message = "{vehicle.error.tooLong}") String colour,
        @NotBlank(message = "{validation.required}")
        @Pattern(regexp = "[0-9A-Za-z\\uAC00-\\uD7A3/-]{1,40}", message = "{vehicle.error.permitNumber}")
        String permitNumber,
        @NotNull(message = "{validation.required}") @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
        LocalDate permitExpires) {

    public VehicleForm {
        plate = Vehicle.normalise(plate);
        make = make == null ? null : make.strip();
        colour = colour == null ? null : colour.strip();
        permitNumber = permitNumber == null ? null : permitNumber.strip();
    }

    static VehicleForm empty() {
        return new VehicleForm(null, "", null, "", "", "", null);
    }

    static VehicleForm of(Vehicle v) {
        return new VehicleForm(v.getOrganisationId(), v.getPlate(), v.getType(), v.getMake(), v.getColour(),
                v.getPermitNumber(), v.getPermitExpires());
    }

    Vehicle.Details details() {
        return new Vehicle.Details(plate, type, make, colour, permitNumber, permitExpires);
    }
}
