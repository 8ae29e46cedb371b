package kr.kaesongcrossing.screening;

import jakarta.servlet.http.HttpSession;
import jakarta.validation.Valid;
import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import kr.kaesongcrossing.system.OfficeTime;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * {@code /admin/watchlist} (ADMIN by the common /admin rule): the list, an entry added by hand or by CSV import
 * (preview, then confirmation), one removed.
 */
@Controller
class WatchListAdminController {

    private static final String VIEW = "admin/watchlist";

    private static final String PLAN = WatchListAdminController.class.getName() + ".plan";
    private static final long MAX_CSV_BYTES = 5 * 1024 * 1024;

    private final WatchList watchList;
    private final WatchListImport importer;
    private final Clock clock;

    WatchListAdminController(WatchList watchList, WatchListImport importer, Clock clock) {
        this.watchList = watchList;
        this.importer = importer;
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

    /** Reads the file and shows every row with its problem; nothing is added before the confirmation. */
    @PostMapping("/admin/watchlist/import")
    String preview(@RequestParam(required = false) MultipartFile file, HttpSession session, Model model,
            RedirectAttributes redirect) throws IOException {
        WatchListImport.Plan plan = file == null || file.isEmpty() || file.getSize() > MAX_CSV_BYTES ? null
                : importer.preview(file.getBytes());
        if (plan == null) {
            redirect.addFlashAttribute("importUnreadable", true);
            return "redirect:/admin/watchlist";
        }
        // only the good rows wait for the confirmation: the preview's rows (a file of anything gives thousands of
        // bad ones) would not fit the session's row
        session.setAttribute(PLAN, new ArrayList<>(plan.good()));
        model.addAttribute("plan", plan);
        return "admin/watchlist-preview";
    }

    /** Adds the good rows of the previewed file (held in the session, ID numbers already hashed). */
    @PostMapping("/admin/watchlist/import/confirm")
    String confirm(HttpSession session, RedirectAttributes redirect) {
        if (!(session.getAttribute(PLAN) instanceof List<?> good)) {
            redirect.addFlashAttribute("importExpired", true);
            return "redirect:/admin/watchlist";
        }
        session.removeAttribute(PLAN);
        redirect.addFlashAttribute("imported", watchList.addAll(good.stream()
                .map(WatchList.Prepared.class::cast).toList()));
        return "redirect:/admin/watchlist";
    }

    private String show(Model model) {
        model.addAttribute("entries", watchList.entries());
        return VIEW;
    }
}
