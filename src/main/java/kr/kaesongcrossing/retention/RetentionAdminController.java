package kr.kaesongcrossing.retention;

import jakarta.validation.Valid;
import kr.kaesongcrossing.audit.AuditPrincipal;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * {@code /admin/retention} (ADMIN by the common /admin rule): the periods in force with their defaults, a preview
 * of what a run would do now (a GET, it changes nothing), and a run by hand.
 */
@Controller
class RetentionAdminController {

    private static final String VIEW = "admin/retention";

    private final Retention retention;
    private final RetentionDefaults defaults;

    RetentionAdminController(Retention retention, RetentionDefaults defaults) {
        this.retention = retention;
        this.defaults = defaults;
    }

    @GetMapping("/admin/retention")
    String page(Model model) {
        model.addAttribute("retentionForm", retention.periods());
        model.addAttribute("defaults", defaults.form());
        return VIEW;
    }

    @GetMapping("/admin/retention/preview")
    String preview(Model model) {
        model.addAttribute("preview", retention.preview());
        return page(model);
    }

    @PostMapping("/admin/retention")
    String save(@Valid @ModelAttribute("retentionForm") RetentionForm form, BindingResult binding, Model model,
            RedirectAttributes redirect) {
        if (binding.hasErrors()) {
            model.addAttribute("defaults", defaults.form());
            return VIEW;
        }
        retention.change(form);
        redirect.addFlashAttribute("saved", true);
        return "redirect:/admin/retention";
    }

    @PostMapping("/admin/retention/run")
    String run(@AuthenticationPrincipal AuditPrincipal principal, RedirectAttributes redirect) {
        retention.runBy(principal.auditActor()).ifPresentOrElse(counts -> redirect.addFlashAttribute("ran", counts),
                () -> redirect.addFlashAttribute("busy", true));
        return "redirect:/admin/retention";
    }
}
