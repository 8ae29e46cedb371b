package kr.kaesongcrossing.checkpoint.roster;

import java.time.Clock;
import java.util.List;
import kr.kaesongcrossing.system.OfficeTime;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** Who is across now (in transit or inside the zone), problems first; the page prints as a muster list. */
@Controller
class RosterController {

    /** The model attribute asking the layout for a reload every so many seconds when JavaScript is off. */
    static final String LIVE_REFRESH = "liveRefresh";

    private final Roster roster;
    private final Clock clock;

    RosterController(Roster roster, Clock clock) {
        this.roster = roster;
        this.clock = clock;
    }

    @GetMapping("/checkpoint/roster")
    String roster(Model model) {
        List<Roster.Across> across = roster.across();
        model.addAttribute("across", across);
        Roster.Counts counts = Roster.Counts.of(across);
        model.addAttribute("inside", counts.inside());
        model.addAttribute("inTransit", counts.inTransit());
        model.addAttribute("vehicles", counts.vehicles());
        model.addAttribute("overstays", counts.overstays());
        model.addAttribute("alerts", counts.alerts());
        model.addAttribute("transitTooLong", counts.transitTooLong());
        model.addAttribute(LIVE_REFRESH, 30); // without JavaScript the page reloads itself (layout)
        model.addAttribute("transitAlertMinutes", roster.transitAlertMinutes());
        model.addAttribute("asOf", OfficeTime.minutes(clock.instant()));
        return "checkpoint/roster";
    }
}
