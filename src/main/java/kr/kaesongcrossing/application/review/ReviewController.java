package kr.kaesongcrossing.application.review;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import kr.kaesongcrossing.account.AccountPrincipal;
import kr.kaesongcrossing.application.ApplicationStatus;
import kr.kaesongcrossing.application.apply.ApplicationFormValidator;
import kr.kaesongcrossing.application.consent.ConsentImport;
import kr.kaesongcrossing.application.model.Actor;
import kr.kaesongcrossing.application.model.ApplicationMessages;
import kr.kaesongcrossing.application.model.ApplicationNotFoundException;
import kr.kaesongcrossing.application.model.IllegalTransitionException;
import kr.kaesongcrossing.application.model.OwnApplicationException;
import kr.kaesongcrossing.application.model.Purpose;
import kr.kaesongcrossing.application.model.StaleApplicationException;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The office's queue and decisions under {@code /review} (OFFICER only, see SecurityConfig). */
@Controller
class ReviewController {

    private static final String QUEUE = "review/queue";
    private static final String DETAIL = "review/detail";
    static final int MAX_REASON = 1000;

    private final ReviewQueue queue;
    private final ReviewService reviews;
    private final ApplicationMessages messages;

    ReviewController(ReviewQueue queue, ReviewService reviews, ApplicationMessages messages) {
        this.queue = queue;
        this.reviews = reviews;
        this.messages = messages;
    }

    @GetMapping("/review")
    String queue(@RequestParam(required = false) String status, @RequestParam(required = false) String from,
            @RequestParam(required = false) String to, @RequestParam(required = false) String purpose,
            @RequestParam(required = false) String q, @RequestParam(defaultValue = "asc") String sort,
            @RequestParam(defaultValue = "1") int page, Model model) {
        ApplicationStatus statusFilter = status == null ? ApplicationStatus.SUBMITTED
                : "ALL".equals(status) ? null : parseEnum(ApplicationStatus.class, status, ApplicationStatus.SUBMITTED);
        LocalDate fromDate = parseDate(from, "from", model);
        LocalDate toDate = parseDate(to, "to", model);
        ReviewQueue.Filter filter = new ReviewQueue.Filter(statusFilter, fromDate, toDate,
                parseEnum(Purpose.class, purpose, null), q, "desc".equals(sort));
        model.addAttribute("filter", filter);
        model.addAttribute("statusParam", statusFilter == null ? "ALL" : statusFilter.name());
        model.addAttribute("statuses", new ApplicationStatus[] {ApplicationStatus.SUBMITTED,
            ApplicationStatus.INFORMATION_REQUESTED, ApplicationStatus.AWAITING_CONSENT,
            ApplicationStatus.APPROVED_FOR_TRAVEL, ApplicationStatus.REJECTED, ApplicationStatus.CONSENT_REFUSED,
            ApplicationStatus.WITHDRAWN});
        model.addAttribute("purposes", Purpose.values());
        model.addAttribute("page", queue.find(filter, page - 1));
        return QUEUE;
    }

    @GetMapping("/review/applications/{id}")
    String show(@PathVariable long id, @AuthenticationPrincipal AccountPrincipal user, Model model) {
        model.addAttribute("app", reviews.view(id));
        model.addAttribute("reviewer", Actor.of(user));
        return DETAIL;
    }

    @GetMapping("/review/applications/{id}/photo")
    ResponseEntity<byte[]> photo(@PathVariable long id) {
        byte[] jpeg = reviews.photo(id).orElseThrow(ApplicationNotFoundException::new);
        return ResponseEntity.ok()
                .contentType(MediaType.IMAGE_JPEG)
                .cacheControl(CacheControl.noStore().cachePrivate())
                .body(jpeg);
    }

    @PostMapping("/review/applications/{id}/approve")
    String approve(@PathVariable long id, @RequestParam long version, @AuthenticationPrincipal AccountPrincipal user,
            RedirectAttributes redirect, Locale locale) {
        return decide(id, redirect, locale, () -> reviews.approve(id, version, Actor.of(user)));
    }

    @PostMapping("/review/applications/{id}/reject")
    String reject(@PathVariable long id, @RequestParam long version, @RequestParam(defaultValue = "") String reason,
            @AuthenticationPrincipal AccountPrincipal user, Model model, RedirectAttributes redirect,
            Locale locale) {
        String problem = requiredText(reason, MAX_REASON, "application.review.reason.required", locale);
        if (problem != null) {
            return again(id, user, "reject", reason, problem, model);
        }
        return decide(id, redirect, locale, () -> reviews.reject(id, version, Actor.of(user), reason));
    }

    @PostMapping("/review/applications/{id}/request-information")
    String requestInformation(@PathVariable long id, @RequestParam long version,
            @RequestParam(defaultValue = "") String message, @AuthenticationPrincipal AccountPrincipal user,
            Model model, RedirectAttributes redirect, Locale locale) {
        String problem = requiredText(message, MAX_REASON, "application.review.message.required", locale);
        if (problem != null) {
            return again(id, user, "request", message, problem, model);
        }
        return decide(id, redirect, locale, () -> reviews.requestInformation(id, version, Actor.of(user), message));
    }

    @PostMapping("/review/applications/{id}/consent")
    String consent(@PathVariable long id, @RequestParam long version, @RequestParam String decision,
            @RequestParam(defaultValue = "") String counterpartReference,
            @RequestParam(defaultValue = "") String note, @AuthenticationPrincipal AccountPrincipal user,
            Model model, RedirectAttributes redirect, Locale locale) {
        String problem = requiredText(counterpartReference, ConsentImport.MAX_REFERENCE,
                "application.consent.reference.required", locale);
        if (problem == null && note.length() > MAX_REASON) {
            problem = messages.get(ApplicationFormValidator.TOO_LONG, locale, MAX_REASON);
        }
        if (problem != null) {
            return again(id, user, "consent", counterpartReference, problem, model);
        }
        boolean consented = "consent".equals(decision);
        return decide(id, redirect, locale, () -> reviews.recordConsent(id, version, Actor.of(user), consented,
                counterpartReference, note));
    }

    @PostMapping("/review/applications/{id}/revoke")
    String revoke(@PathVariable long id, @RequestParam long version, @RequestParam(defaultValue = "") String reason,
            @AuthenticationPrincipal AccountPrincipal user, Model model, RedirectAttributes redirect,
            Locale locale) {
        String problem = requiredText(reason, MAX_REASON, "application.review.reason.required", locale);
        if (problem != null) {
            return again(id, user, "revoke", reason, problem, model);
        }
        return decide(id, redirect, locale, () -> reviews.revoke(id, version, Actor.of(user), reason));
    }

    /** Runs a decision and says how it went; a refused decision changes nothing and says why. */
    private String decide(long id, RedirectAttributes redirect, Locale locale,
            java.util.function.Supplier<ApplicationStatus> decision) {
        try {
            ApplicationStatus now = decision.get();
            redirect.addFlashAttribute("notice",
                    messages.get("application.review.done", locale, messages.status(now, locale)));
        } catch (IllegalTransitionException e) {
            redirect.addFlashAttribute("problem", messages.refusal(e, locale));
        } catch (OwnApplicationException e) {
            redirect.addFlashAttribute("problem", messages.refusal(e, locale));
        } catch (StaleApplicationException e) {
            redirect.addFlashAttribute("problem", messages.stale(e, locale));
        } catch (ConcurrencyFailureException e) {
            redirect.addFlashAttribute("problem", messages.concurrent(locale));
        }
        return "redirect:/review/applications/" + id;
    }

    private String again(long id, AccountPrincipal user, String form, String text, String problem, Model model) {
        model.addAttribute("app", reviews.view(id));
        model.addAttribute("reviewer", Actor.of(user));
        model.addAttribute("failedForm", form);
        model.addAttribute("failedText", text.length() > 2 * MAX_REASON ? text.substring(0, 2 * MAX_REASON) : text);
        model.addAttribute("failedMessage", problem);
        return DETAIL;
    }

    private String requiredText(String text, int max, String requiredKey, Locale locale) {
        if (text.isBlank()) {
            return messages.get(requiredKey, locale);
        }
        if (text.strip().length() > max) {
            return messages.get(ApplicationFormValidator.TOO_LONG, locale, max);
        }
        return null;
    }

    private static LocalDate parseDate(String text, String name, Model model) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            model.addAttribute(name + "Invalid", true);
            return null;
        }
    }

    static <E extends Enum<E>> E parseEnum(Class<E> type, String text, E fallback) {
        if (text == null || text.isBlank()) {
            return fallback;
        }
        try {
            return Enum.valueOf(type, text.strip());
        } catch (IllegalArgumentException e) {
            return fallback;
        }
    }
}
