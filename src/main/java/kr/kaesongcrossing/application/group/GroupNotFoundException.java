package kr.kaesongcrossing.application.group;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/** No such group for this viewer (another organisation's answers the same 404). */
@ResponseStatus(HttpStatus.NOT_FOUND)
public class GroupNotFoundException extends RuntimeException {

    public GroupNotFoundException() {
        super("group not found");
    }
}
