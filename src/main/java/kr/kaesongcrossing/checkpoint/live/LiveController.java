package kr.kaesongcrossing.checkpoint.live;

import jakarta.servlet.http.HttpSession;
import kr.kaesongcrossing.checkpoint.scan.GateSlots;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The live numbers as a stream of {@code counts} events (JSON, see {@link LiveNumbers.Counts}) for the roster, the
 * station and the supervisor's home; {@code /js/live-counts.js} puts them into the page. A station's stream carries
 * its current slot: the gate and direction are the ones kept in its session.
 */
@RestController
class LiveController {

    private final LiveNumbers live;
    private final GateSlots slots;

    LiveController(LiveNumbers live, GateSlots slots) {
        this.live = live;
        this.slots = slots;
    }

    @GetMapping(path = "/checkpoint/live", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    SseEmitter live(HttpSession session) {
        return live.open(slots.placeOf(session).orElse(null));
    }
}
