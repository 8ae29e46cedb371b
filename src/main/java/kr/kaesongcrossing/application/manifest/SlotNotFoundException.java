package kr.kaesongcrossing.application.manifest;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/** No such slot: the key does not read as one, the schedule has no slot then, or the version does not exist. */
@ResponseStatus(HttpStatus.NOT_FOUND)
class SlotNotFoundException extends RuntimeException {

    SlotNotFoundException() {
        super("slot or manifest version not found");
    }
}
