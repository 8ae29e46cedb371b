package kr.kaesongcrossing.checkpoint.roster;

import java.time.Clock;
import java.util.List;
import kr.kaesongcrossing.system.OfficeTime;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** Who is across now, overstays first; the page prints as a muster list. */
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
        List<Roster.Inside> inside = roster.inside();
        model.addAttribute("inside", inside);
        model.addAttribute("overstays", inside.stream().filter(Roster.Inside::overstay).count());
        model.addAttribute("alerts", inside.stream().filter(i -> i.alert() != null).count());
        model.addAttribute("asOf", OfficeTime.minutes(clock.instant()));
        return "checkpoint/roster";
    }
}
