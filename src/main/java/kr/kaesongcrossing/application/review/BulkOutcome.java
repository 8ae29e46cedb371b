package kr.kaesongcrossing.application.review;

import java.util.List;
import org.springframework.context.MessageSourceResolvable;

/**
 * How a decision on several applications went: the references decided, and those refused with why (changed
 * meanwhile, a status that does not allow it, the officer's own...). Nothing of a refused one was changed.
 */
public record BulkOutcome(List<String> decided, List<Refused> refused) {

    /** {@code reference} is the application's, or {@code #id} for an id that names no submitted application. */
    public record Refused(String reference, MessageSourceResolvable why) {
    }
}
