package kr.kaesongcrossing.organisation;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * No such organisation (or request) for this person. An organisation the person does not coordinate answers the
 * same 404 as one that does not exist, so its members and requests cannot be probed.
 */
@ResponseStatus(HttpStatus.NOT_FOUND)
class OrganisationNotFoundException extends RuntimeException {

    OrganisationNotFoundException() {
        super("organisation not found");
    }
}
