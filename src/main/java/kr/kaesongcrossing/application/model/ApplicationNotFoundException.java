package kr.kaesongcrossing.application.model;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * No such application for this viewer. Another civilian's application is "not found" too, so that ids cannot
 * be probed: the answer for someone else's id and for an id that does not exist is the same 404.
 */
@ResponseStatus(HttpStatus.NOT_FOUND)
public class ApplicationNotFoundException extends RuntimeException {

    public ApplicationNotFoundException() {
        super("application not found");
    }
}
