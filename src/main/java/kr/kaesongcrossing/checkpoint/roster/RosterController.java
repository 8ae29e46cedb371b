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
        model.addAttribute("inside", across.stream().filter(a -> !a.vehicle() && !a.inTransit()).count());
        model.addAttribute("inTransit", across.stream().filter(a -> !a.vehicle() && a.inTransit()).count());
        model.addAttribute("vehicles", across.stream().filter(Roster.Across::vehicle).count());
        model.addAttribute("overstays", across.stream().filter(Roster.Across::overstay).count());
        model.addAttribute("alerts", across.stream().filter(a -> a.alert() != null).count());
        model.addAttribute("transitTooLong", across.stream().filter(Roster.Across::transitTooLong).count());
        model.addAttribute("transitAlertMinutes", roster.transitAlertMinutes());
        model.addAttribute("asOf", OfficeTime.minutes(clock.instant()));
        return "checkpoint/roster";
    }
}
