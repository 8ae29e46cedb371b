package kr.kaesongcrossing.checkpoint.goods;

import java.time.LocalDate;
import java.util.Optional;
import kr.kaesongcrossing.account.AccountPrincipal;
import kr.kaesongcrossing.account.Role;
import kr.kaesongcrossing.system.OfficeTime;
import kr.kaesongcrossing.system.OnRefusal;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * {@code /checkpoint/goods}: per trip checked on a day (today by default, KST), what went north and what came back,
 * and the differences open now; lane staff and supervisors close each with a reason (page rules in
 * CheckpointAccess: office staff may read).
 */
@Controller
class GoodsController {

    private static final String PAGE = "/checkpoint/goods";

    private final GoodsLedger ledger;

    GoodsController(GoodsLedger ledger) {
        this.ledger = ledger;
    }

    /** {@code ?day=yyyy-MM-dd}; a day that is not a date, or has not begun, shows today with a message. */
    @GetMapping(PAGE)
    String show(@RequestParam(required = false) String day, @AuthenticationPrincipal AccountPrincipal user,
            Model model) {
        LocalDate today = ledger.today();
        LocalDate chosen = today;
        if (day != null && !day.isBlank()) {
            Optional<LocalDate> asked = OfficeTime.dayUpTo(day, today);
            if (asked.isEmpty()) {
                model.addAttribute("badDay", true);
            }
            chosen = asked.orElse(today);
        }
        model.addAttribute("day", chosen);
        model.addAttribute("today", today);
        model.addAttribute("trips", ledger.trips(chosen));
        model.addAttribute("open", ledger.openUpTo(today));
        model.addAttribute("closable", user.role() == Role.CHECKPOINT || user.role() == Role.SUPERVISOR);
        return "checkpoint/goods";
    }

    /** The reason's presence and length are the difference's to judge ({@link GoodsDifference#close}). */
    @PostMapping(PAGE + "/differences/{id}/close")
    @OnRefusal(value = PAGE, keep = "day")
    String close(@PathVariable long id, @RequestParam(defaultValue = "") String reason,
            @AuthenticationPrincipal AccountPrincipal officer, RedirectAttributes redirect) {
        ledger.close(id, reason, Officer.of(officer));
        return closed(redirect);
    }

    @PostMapping(PAGE + "/trips/{applicationId}/lines/{lineNo}/close")
    @OnRefusal(value = PAGE, keep = "day")
    String closeNotBack(@PathVariable long applicationId, @PathVariable int lineNo,
            @RequestParam(defaultValue = "") String reason, @AuthenticationPrincipal AccountPrincipal officer,
            RedirectAttributes redirect) {
        ledger.closeNotBack(applicationId, lineNo, reason, Officer.of(officer));
        return closed(redirect);
    }

    private static String closed(RedirectAttributes redirect) {
        redirect.addFlashAttribute("message", "checkpoint.goods.closed");
        return "redirect:" + PAGE;
    }
}
