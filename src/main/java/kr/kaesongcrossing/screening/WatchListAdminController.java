package kr.kaesongcrossing.screening;

import jakarta.validation.Valid;
import java.time.Clock;
import kr.kaesongcrossing.system.OfficeTime;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** {@code /admin/watchlist} (ADMIN by the common /admin rule): the list, an entry added by hand, one removed. */
@Controller
class WatchListAdminController {

    private static final String VIEW = "admin/watchlist";

    private final WatchList watchList;
    private final Clock clock;

    WatchListAdminController(WatchList watchList, Clock clock) {
        this.watchList = watchList;
        this.clock = clock;
    }

    @GetMapping("/admin/watchlist")
    String page(Model model) {
        model.addAttribute("watchListForm", WatchListForm.empty(OfficeTime.today(clock)));
        return show(model);
    }

    @PostMapping("/admin/watchlist")
    String add(@Valid @ModelAttribute("watchListForm") WatchListForm form, BindingResult binding, Model model,
            RedirectAttributes redirect) {
        if (binding.hasErrors()) {
            return show(model);
        }
        watchList.add(form);
        redirect.addFlashAttribute("added", true);
        return "redirect:/admin/watchlist";
    }

    @PostMapping("/admin/watchlist/{id}/remove")
    String remove(@PathVariable long id, RedirectAttributes redirect) {
        redirect.addFlashAttribute(watchList.remove(id) ? "removed" : "gone", true);
        return "redirect:/admin/watchlist";
    }

    private String show(Model model) {
        model.addAttribute("entries", watchList.entries());
        return VIEW;
    }
}
