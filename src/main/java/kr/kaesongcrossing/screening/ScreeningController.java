package kr.kaesongcrossing.screening;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import kr.kaesongcrossing.application.ScreeningSubjects;
import kr.kaesongcrossing.audit.AuditPrincipal;
import kr.kaesongcrossing.system.OnRefusal;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * {@code /review/screening/{applicationId}} (OFFICER by the application module's /review rule): why the
 * application may be a listed person, each match with the entry it met, and clearing one with a reason.
 */
@Controller
class ScreeningController {

    private static final String VIEW = "review/screening";

    record ClearForm(@NotBlank(message = "{validation.required}") @Size(max = 500) String reason) {
    }

    private final Screening screening;
    private final ScreeningSubjects subjects;
    private final WatchList watchList;

    ScreeningController(Screening screening, ScreeningSubjects subjects, WatchList watchList) {
        this.screening = screening;
        this.subjects = subjects;
        this.watchList = watchList;
    }

    @GetMapping("/review/screening/{applicationId}")
    String page(@PathVariable long applicationId, Model model) {
        model.addAttribute("clearForm", new ClearForm(""));
        return show(applicationId, model);
    }

    @PostMapping("/review/screening/{applicationId}/matches/{matchId}/clear")
    @OnRefusal("/review/screening/{applicationId}")
    String clear(@PathVariable long applicationId, @PathVariable long matchId,
            @Valid @ModelAttribute("clearForm") ClearForm form, BindingResult binding,
            @AuthenticationPrincipal AuditPrincipal officer, Model model, RedirectAttributes redirect) {
        if (binding.hasErrors()) {
            model.addAttribute("failedMatch", matchId);
            return show(applicationId, model);
        }
        screening.clear(applicationId, matchId, form.reason(), officer.auditActor());
        redirect.addFlashAttribute("cleared", true);
        return "redirect:/review/screening/" + applicationId;
    }

    private String show(long applicationId, Model model) {
        var subject = subjects.subject(applicationId)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        Map<Long, WatchListEntry> entries = watchList.entries().stream()
                .collect(Collectors.toMap(WatchListEntry::getId, Function.identity()));
        model.addAttribute("subject", subject);
        model.addAttribute("matches", screening.matchesOf(applicationId));
        model.addAttribute("entries", entries);
        return VIEW;
    }
}
