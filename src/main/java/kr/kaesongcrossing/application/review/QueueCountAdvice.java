package kr.kaesongcrossing.application.review;

import kr.kaesongcrossing.application.consent.ConsentController;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** The queue pages say "more than N" beyond the count cap. */
@ControllerAdvice(assignableTypes = {ReviewController.class, ConsentController.class})
class QueueCountAdvice {

    @ModelAttribute("countCap")
    int countCap() {
        return ReviewQueue.COUNT_CAP;
    }
}
