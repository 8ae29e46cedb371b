package kr.kaesongcrossing.application.consent;

import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import kr.kaesongcrossing.account.AccountPrincipal;
import kr.kaesongcrossing.application.ApplicationStatus;
import kr.kaesongcrossing.application.apply.ApplicationFormValidator;
import kr.kaesongcrossing.application.model.Actor;
import kr.kaesongcrossing.application.model.ApplicationMessages;
import kr.kaesongcrossing.application.model.IllegalTransitionException;
import kr.kaesongcrossing.application.model.OwnApplicationException;
import kr.kaesongcrossing.application.model.StaleApplicationException;
import kr.kaesongcrossing.application.review.ReviewQueue;
import kr.kaesongcrossing.application.review.ReviewService;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Counterpart consent under {@code /review/consent}: applications the office approved wait here until the
 * counterpart's answer is recorded, one by one or from the consent list (CSV) for a date.
 */
@Controller
public class ConsentController {

    private static final String PAGE = "review/consent";
    private static final String PREVIEW = "review/consent-preview";
    private static final String RESULT = "review/consent-result";
    private static final String PLAN = ConsentController.class.getName() + ".plan";
    private static final long MAX_CSV_BYTES = 1024 * 1024;

    /** A row of the preview or the result, with its sentence in the reader's language. */
    record ShownRow(ConsentImport.PlanRow row, boolean ok, String text) {
    }

    private final ReviewQueue queue;
    private final ReviewService reviews;
    private final ConsentImport consentImport;
    private final ApplicationMessages messages;

    ConsentController(ReviewQueue queue, ReviewService reviews, ConsentImport consentImport,
            ApplicationMessages messages) {
        this.queue = queue;
        this.reviews = reviews;
        this.consentImport = consentImport;
        this.messages = messages;
    }

    @GetMapping("/review/consent")
    String awaiting(@RequestParam(required = false) String date, @RequestParam(defaultValue = "1") int page,
            @AuthenticationPrincipal AccountPrincipal user, Model model) {
        LocalDate day = parseDate(date);
        if (date != null && !date.isBlank() && day == null) {
            model.addAttribute("dateInvalid", true);
        }
        return page(model, user, day, page - 1);
    }

    @PostMapping("/review/consent/{id}")
    String record(@PathVariable long id, @RequestParam long version, @RequestParam String decision,
            @RequestParam(defaultValue = "") String counterpartReference,
            @RequestParam(required = false) String date, @AuthenticationPrincipal AccountPrincipal user,
            RedirectAttributes redirect, Locale locale) {
        String back = "redirect:/review/consent" + (parseDate(date) == null ? "" : "?date=" + parseDate(date));
        String ref = counterpartReference.strip();
        if (ref.isEmpty() || ref.length() > ConsentImport.MAX_REFERENCE) {
            redirect.addFlashAttribute("problem", messages.get(ref.isEmpty()
                    ? "application.consent.reference.required" : ApplicationFormValidator.TOO_LONG, locale,
                    ConsentImport.MAX_REFERENCE));
            return back;
        }
        try {
            ApplicationStatus now = reviews.recordConsent(id, version, Actor.of(user), "consent".equals(decision),
                    ref, null);
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
        return back;
    }

    @PostMapping("/review/consent/import")
    String preview(@RequestParam(required = false) MultipartFile file, @RequestParam(defaultValue = "") String date,
            @RequestParam(defaultValue = "") String listReference, @AuthenticationPrincipal AccountPrincipal user,
            HttpSession session, Model model, Locale locale) throws IOException {
        LocalDate day = parseDate(date);
        String ref = listReference.strip();
        if (day == null) {
            model.addAttribute("importDateError", messages.get("application.consent.import.date.required", locale));
        }
        if (ref.length() > ConsentImport.MAX_REFERENCE) {
            model.addAttribute("importReferenceError", messages.get(ApplicationFormValidator.TOO_LONG, locale,
                    ConsentImport.MAX_REFERENCE));
        }
        if (file == null || file.isEmpty()) {
            model.addAttribute("importFileError", messages.get("application.consent.import.file.required", locale));
        } else if (file.getSize() > MAX_CSV_BYTES) {
            model.addAttribute("importFileError", messages.get("application.consent.import.file.tooLarge", locale));
        }
        if (model.containsAttribute("importDateError") || model.containsAttribute("importReferenceError")
                || model.containsAttribute("importFileError")) {
            model.addAttribute("importDate", date);
            model.addAttribute("importReference", listReference);
            return page(model, user, null, 0);
        }
        byte[] csv = file.getBytes();
        if (ConsentCsv.parse(csv).size() > ConsentCsv.MAX_ROWS) {
            model.addAttribute("importFileError",
                    messages.get("application.consent.import.file.tooManyRows", locale, ConsentCsv.MAX_ROWS));
            model.addAttribute("importDate", date);
            model.addAttribute("importReference", listReference);
            return page(model, user, null, 0);
        }
        ConsentImport.Plan plan = consentImport.preview(csv, day, ref.isEmpty() ? null : ref, Actor.of(user));
        session.setAttribute(PLAN, plan);
        model.addAttribute("plan", plan);
        model.addAttribute("rows", plan.rows().stream()
                .map(r -> new ShownRow(r, r.applicable(), r.applicable()
                        ? messages.status(r.next(), locale)
                        : messages.describe(r.problem(), r.problemArg(), locale)))
                .toList());
        return PREVIEW;
    }

    @PostMapping("/review/consent/import/confirm")
    String confirm(@RequestParam String token, HttpSession session, @AuthenticationPrincipal AccountPrincipal user,
            Model model, RedirectAttributes redirect, Locale locale) {
        Object stored = session.getAttribute(PLAN);
        if (!(stored instanceof ConsentImport.Plan plan) || !plan.token().equals(token)) {
            redirect.addFlashAttribute("problem", messages.get("application.consent.import.expired", locale));
            return "redirect:/review/consent";
        }
        session.removeAttribute(PLAN);
        List<ConsentImport.Outcome> outcomes = consentImport.apply(plan, Actor.of(user));
        model.addAttribute("plan", plan);
        model.addAttribute("appliedCount", outcomes.stream().filter(ConsentImport.Outcome::applied).count());
        model.addAttribute("rows", outcomes.stream()
                .map(o -> new ShownRow(o.row(), o.applied(), messages.describe(o.outcome(), o.outcomeArg(), locale)))
                .toList());
        return RESULT;
    }

    @PostMapping("/review/consent/import/cancel")
    String cancel(HttpSession session) {
        session.removeAttribute(PLAN);
        return "redirect:/review/consent";
    }

    private String page(Model model, AccountPrincipal user, LocalDate day, int page) {
        model.addAttribute("date", day);
        model.addAttribute("reviewer", Actor.of(user));
        model.addAttribute("page", queue.find(new ReviewQueue.Filter(ApplicationStatus.AWAITING_CONSENT, day, day,
                null, null, false), page));
        return PAGE;
    }

    private static LocalDate parseDate(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
