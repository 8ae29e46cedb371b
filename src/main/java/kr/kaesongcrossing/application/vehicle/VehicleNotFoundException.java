package kr.kaesongcrossing.application.vehicle;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/** No such vehicle for this person: someone else's answers the same 404 as one that does not exist. */
@ResponseStatus(HttpStatus.NOT_FOUND)
public class VehicleNotFoundException extends RuntimeException {

    public VehicleNotFoundException() {
        super("vehicle not found");
    }
}
