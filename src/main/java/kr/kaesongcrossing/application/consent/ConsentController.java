package kr.kaesongcrossing.application.consent;

import jakarta.servlet.http.HttpSession;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import kr.kaesongcrossing.account.AccountPrincipal;
import kr.kaesongcrossing.application.ApplicationStatus;
import kr.kaesongcrossing.application.model.Actor;
import kr.kaesongcrossing.application.model.ApplicationMessages;
import kr.kaesongcrossing.application.model.ApplicationNotFoundException;
import kr.kaesongcrossing.application.review.ReviewQueue;
import kr.kaesongcrossing.application.review.ReviewService;
import kr.kaesongcrossing.schedule.SlotKey;
import kr.kaesongcrossing.system.OnRefusal;
import kr.kaesongcrossing.system.Refusal;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Counterpart consent under {@code /review/consent}: applications the office approved wait here until the
 * counterpart's answer is recorded, one by one or from the consent list (CSV) for a date. A slot's consent list
 * ({@code /review/slots/{slot}/consent}, by ticking its travellers or by CSV) is recorded here too.
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
    private final SlotConsents slotConsents;

    ConsentController(ReviewQueue queue, ReviewService reviews, ConsentImport consentImport,
            ApplicationMessages messages, SlotConsents slotConsents) {
        this.queue = queue;
        this.reviews = reviews;
        this.consentImport = consentImport;
        this.messages = messages;
        this.slotConsents = slotConsents;
    }

    /** The day whose list is shown; a date that does not parse shows every day and says so. */
    record ListDay(@DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date) {
    }

    @GetMapping("/review/consent")
    String awaiting(@ModelAttribute("day") ListDay day, BindingResult binding,
            @RequestParam(defaultValue = "1") int page, @AuthenticationPrincipal AccountPrincipal user, Model model) {
        model.addAttribute("dateInvalid", binding.hasFieldErrors("date"));
        return page(model, user, day.date(), page - 1);
    }

    @PostMapping("/review/consent/{id}")
    @OnRefusal(value = "/review/consent", keep = "date")
    String record(@PathVariable long id, @RequestParam long version, @Valid ConsentForm form,
            BindingResult result, @AuthenticationPrincipal AccountPrincipal user, RedirectAttributes redirect,
            Locale locale) {
        if (form.date() != null) {
            redirect.addAttribute("date", form.date());
        }
        FieldError problem = result.getFieldError("counterpartReference");
        if (problem != null) {
            redirect.addFlashAttribute("problem", messages.get(problem, locale));
            return "redirect:/review/consent";
        }
        ApplicationStatus now = reviews.recordConsent(id, version, Actor.of(user), form.consented(),
                form.counterpartReference(), null);
        redirect.addFlashAttribute("notice",
                messages.get("application.review.done", locale, messages.status(now, locale)));
        return "redirect:/review/consent";
    }

    /** A consent list to preview: its day (a date that does not parse counts as none), a reference, the file. */
    record ListUpload(@NotNull(message = "{application.consent.import.date.required}")
            @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
            @Size(max = ConsentImport.MAX_REFERENCE) String listReference,
            MultipartFile file) {

        ListUpload {
            listReference = listReference == null || listReference.isBlank() ? null : listReference.strip();
        }
    }

    @PostMapping("/review/consent/import")
    String preview(@Valid @ModelAttribute("upload") ListUpload upload, BindingResult result,
            @AuthenticationPrincipal AccountPrincipal user, HttpSession session, Model model, Locale locale)
            throws IOException {
        if (result.hasFieldErrors("date")) {
            model.addAttribute("importDateError", messages.get("application.consent.import.date.required", locale));
        }
        if (result.hasFieldErrors("listReference")) {
            model.addAttribute("importReferenceError", messages.get(result.getFieldError("listReference"), locale));
        }
        MultipartFile file = upload.file();
        if (file == null || file.isEmpty()) {
            model.addAttribute("importFileError", messages.get("application.consent.import.file.required", locale));
        } else if (file.getSize() > MAX_CSV_BYTES) {
            model.addAttribute("importFileError", messages.get("application.consent.import.file.tooLarge", locale));
        }
        if (model.containsAttribute("importDateError") || model.containsAttribute("importReferenceError")
                || model.containsAttribute("importFileError")) {
            return again(result, model, user);
        }
        List<ConsentCsv.Row> rows;
        try {
            rows = ConsentCsv.parse(file.getBytes());
        } catch (ConsentCsv.UnreadableException e) {
            model.addAttribute("importFileError", messages.get(e.code(), locale, e.args()));
            return again(result, model, user);
        }
        return preview(consentImport.preview(rows, upload.date(), upload.listReference(), Actor.of(user)), session,
                model, locale);
    }

    /** A slot's consent list to preview: a reference for rows without their own, and the file. */
    record SlotListUpload(@Size(max = ConsentImport.MAX_REFERENCE) String listReference, MultipartFile file) {

        SlotListUpload {
            listReference = listReference == null || listReference.isBlank() ? null : listReference.strip();
        }
    }

    /** The consent list of a slot (its manifest page has the form); what is wrong with the upload goes back there. */
    @PostMapping("/review/slots/{slot}/consent/import")
    String previewSlot(@PathVariable("slot") String text, @Valid @ModelAttribute("upload") SlotListUpload upload,
            BindingResult result, @AuthenticationPrincipal AccountPrincipal user, HttpSession session, Model model,
            RedirectAttributes redirect, Locale locale) throws IOException {
        SlotKey slot = SlotKey.parse(text).orElseThrow(ApplicationNotFoundException::new);
        MultipartFile file = upload.file();
        String problem = result.hasFieldErrors("listReference")
                ? messages.get(result.getFieldError("listReference"), locale)
                : file == null || file.isEmpty() ? messages.get("application.consent.import.file.required", locale)
                : file.getSize() > MAX_CSV_BYTES ? messages.get("application.consent.import.file.tooLarge", locale)
                : null;
        List<ConsentCsv.Row> rows = List.of();
        if (problem == null) {
            try {
                rows = ConsentCsv.parse(file.getBytes());
            } catch (ConsentCsv.UnreadableException e) {
                problem = messages.get(e.code(), locale, e.args());
            }
        }
        if (problem != null) {
            redirect.addFlashAttribute("problem", problem);
            return "redirect:/review/slots/" + slot;
        }
        return preview(consentImport.preview(rows, slot, upload.listReference(), Actor.of(user)), session, model,
                locale);
    }

    private String preview(ConsentImport.Plan plan, HttpSession session, Model model, Locale locale) {
        session.setAttribute(PLAN, plan);
        model.addAttribute("plan", plan);
        model.addAttribute("rows", plan.rows().stream()
                .map(r -> new ShownRow(r, r.applicable(), r.applicable()
                        ? messages.status(r.next(), locale)
                        : messages.describe(r.problem(), r.problemArg(), locale)))
                .toList());
        return PREVIEW;
    }

    /** The travellers of a slot the counterpart consented to, ticked on the slot's manifest page. */
    record SlotConsentForm(@NotEmpty(message = "{application.consent.slot.none}") List<Long> applicationIds,
            @NotBlank(message = "{application.consent.reference.required}")
            @Size(max = ConsentImport.MAX_REFERENCE) String counterpartReference) {
    }

    /** Records each ticked traveller in its own transaction: one refused (changed meanwhile) stops no other. */
    @PostMapping("/review/slots/{slot}/consent")
    String recordForSlot(@PathVariable("slot") String text, @Valid SlotConsentForm form, BindingResult result,
            @AuthenticationPrincipal AccountPrincipal user, RedirectAttributes redirect, Locale locale) {
        SlotKey slot = SlotKey.parse(text).orElseThrow(ApplicationNotFoundException::new);
        if (result.hasErrors()) {
            FieldError error = result.getFieldError("counterpartReference") != null
                    ? result.getFieldError("counterpartReference") : result.getFieldError();
            redirect.addFlashAttribute("problem", messages.get(error, locale));
            return "redirect:/review/slots/" + slot;
        }
        int recorded = 0;
        List<String> skipped = new ArrayList<>();
        for (Long id : new LinkedHashSet<>(form.applicationIds())) {
            try {
                slotConsents.record(id, slot, form.counterpartReference(), Actor.of(user), null);
                recorded++;
            } catch (Refusal refused) {
                skipped.add(messages.get(refused, locale));
            } catch (ApplicationNotFoundException notFound) {
                skipped.add(messages.get("application.consent.problem.unknown", locale));
            }
        }
        redirect.addFlashAttribute("notice", messages.get("application.consent.slot.recorded", locale, recorded));
        if (!skipped.isEmpty()) {
            redirect.addFlashAttribute("problem", String.join(" ", new LinkedHashSet<>(skipped)));
        }
        return "redirect:/review/slots/" + slot;
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

    /** The list page with the upload form as it was filled in. */
    private String again(BindingResult upload, Model model, AccountPrincipal user) {
        model.addAttribute("importDate", upload.getFieldValue("date"));
        model.addAttribute("importReference", upload.getFieldValue("listReference"));
        return page(model, user, null, 0);
    }

    private String page(Model model, AccountPrincipal user, LocalDate day, int page) {
        model.addAttribute("date", day);
        model.addAttribute("reviewer", Actor.of(user));
        model.addAttribute("page", queue.find(new ReviewQueue.Filter(ApplicationStatus.AWAITING_CONSENT, day, day,
                null, null, false), page));
        return PAGE;
    }
}
