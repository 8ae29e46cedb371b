package kr.kaesongcrossing.application.profile;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/** No such profile for this viewer: someone else's answers the same 404 as one that does not exist. */
@ResponseStatus(HttpStatus.NOT_FOUND)
public class ProfileNotFoundException extends RuntimeException {

    public ProfileNotFoundException() {
        super("profile not found");
    }
}
