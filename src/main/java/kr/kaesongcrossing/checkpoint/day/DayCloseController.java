package kr.kaesongcrossing.checkpoint.day;

import jakarta.validation.Valid;
import java.time.LocalDate;
import java.util.Optional;
import kr.kaesongcrossing.account.AccountPrincipal;
import kr.kaesongcrossing.system.OfficeTime;
import kr.kaesongcrossing.system.OnRefusal;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * {@code /checkpoint/day}: the close of an office day (today by default, or an earlier day), printable; a
 * SUPERVISOR or ADMIN signs it off (page rules in CheckpointAccess).
 */
@Controller
class DayCloseController {

    private static final String VIEW = "checkpoint/day";
    private static final String PAGE = "/checkpoint/day";

    private final DayClose days;

    DayCloseController(DayClose days) {
        this.days = days;
    }

    /** {@code ?day=yyyy-MM-dd}; a day that is not a date, or has not begun, shows today with a message. */
    @GetMapping(PAGE)
    String show(@RequestParam(required = false) String day, Model model) {
        LocalDate today = days.today();
        LocalDate chosen = today;
        if (day != null && !day.isBlank()) {
            Optional<LocalDate> asked = OfficeTime.dayUpTo(day, today);
            if (asked.isEmpty()) {
                model.addAttribute("badDay", true);
            }
            chosen = asked.orElse(today);
        }
        return view(chosen, new DaySignForm(chosen, ""), model);
    }

    @PostMapping(PAGE + "/sign")
    @OnRefusal(value = PAGE, keep = "day")
    String sign(@Valid @ModelAttribute("form") DaySignForm form, BindingResult result,
            @AuthenticationPrincipal AccountPrincipal user, Model model, RedirectAttributes redirect) {
        if (result.hasErrors()) {
            return view(form.day() == null ? days.today() : form.day(), form, model);
        }
        days.sign(form.day(), form.note(), user.id(), user.displayName());
        redirect.addFlashAttribute("message", "checkpoint.day.signed");
        redirect.addAttribute("day", form.day().toString());
        return "redirect:" + PAGE;
    }

    private String view(LocalDate day, DaySignForm form, Model model) {
        model.addAttribute("report", days.report(day));
        model.addAttribute("today", days.today());
        model.addAttribute("form", form);
        return VIEW;
    }
}
