package kr.kaesongcrossing.checkpoint.route;

import jakarta.validation.Valid;
import java.time.Clock;
import java.util.List;
import kr.kaesongcrossing.account.AccountPrincipal;
import kr.kaesongcrossing.checkpoint.RouteMode;
import kr.kaesongcrossing.system.OfficeTime;
import kr.kaesongcrossing.system.OnRefusal;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * {@code /checkpoint/route}: the route's mode now, the changes to come and every change made. Staff read it; a
 * SUPERVISOR or ADMIN changes the mode or cancels a change that has not begun (page rules in CheckpointAccess).
 */
@Controller
class RouteController {

    private static final String VIEW = "checkpoint/route";
    private static final String PAGE = "/checkpoint/route";

    private final RouteModes routes;
    private final Clock clock;

    RouteController(RouteModes routes, Clock clock) {
        this.routes = routes;
        this.clock = clock;
    }

    @ModelAttribute("modes")
    List<RouteMode> modes() {
        return List.of(RouteMode.values());
    }

    /** {@code ?page} is 1-based, as every paginated page of the site. */
    @GetMapping(PAGE)
    String show(@RequestParam(defaultValue = "1") int page, Model model) {
        model.addAttribute("form", RouteModeForm.empty());
        return view(page, model);
    }

    @PostMapping(PAGE)
    @OnRefusal(PAGE)
    String change(@Valid @ModelAttribute("form") RouteModeForm form, BindingResult result,
            @AuthenticationPrincipal AccountPrincipal user, Model model, RedirectAttributes redirect) {
        if (result.hasErrors()) {
            return view(1, model);
        }
        routes.change(form.mode(), form.startsAt() == null ? null : form.startsAt().atZone(OfficeTime.ZONE)
                .toInstant(), form.reason(), user.id(), user.displayName());
        redirect.addFlashAttribute("message", "checkpoint.route.changed");
        return "redirect:" + PAGE;
    }

    @PostMapping(PAGE + "/{id}/cancel")
    @OnRefusal(PAGE)
    String cancel(@PathVariable long id, @AuthenticationPrincipal AccountPrincipal user,
            RedirectAttributes redirect) {
        routes.cancel(id, user.displayName());
        redirect.addFlashAttribute("message", "checkpoint.route.cancelled");
        return "redirect:" + PAGE;
    }

    private String view(int page, Model model) {
        model.addAttribute("history", routes.history(page - 1));
        model.addAttribute("now", clock.instant());
        return VIEW;
    }
}
