package kr.kaesongcrossing.application.review;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import kr.kaesongcrossing.account.AccountPrincipal;
import kr.kaesongcrossing.application.ApplicationStatus;
import kr.kaesongcrossing.application.consent.ConsentForm;
import kr.kaesongcrossing.application.model.Actor;
import kr.kaesongcrossing.application.model.ApplicationMessages;
import kr.kaesongcrossing.application.model.ApplicationNotFoundException;
import kr.kaesongcrossing.application.model.ApplicationView;
import kr.kaesongcrossing.application.model.Purpose;
import kr.kaesongcrossing.application.model.StatusChange;
import kr.kaesongcrossing.audit.DisclosureReason;
import kr.kaesongcrossing.schedule.SlotKey;
import kr.kaesongcrossing.system.OnRefusal;
import org.springframework.data.domain.Page;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
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
import org.springframework.web.util.UriComponentsBuilder;

/** The office's queue and decisions under {@code /review} (OFFICER only, see SecurityConfig). */
@Controller
class ReviewController {

    private static final String QUEUE = "review/queue";
    private static final String DETAIL = "review/detail";
    private static final String REBOOK = "review/rebook";
    private static final String DETAIL_PAGE = "/review/applications/{id}";
    private static final int MAX_REASON = StatusChange.MAX_REASON;
    /** At most a few pages' worth at once: each is its own transaction and mail. */
    static final int MAX_BULK = 100;
    private static final Set<String> QUEUE_PARAMETERS = Set.of("status", "from", "to", "purpose", "q", "sort", "page");
    /** A query value as the browser sent it, percent-encoded: nothing that could end a header or a path. */
    private static final Pattern ENCODED_VALUE = Pattern.compile("[A-Za-z0-9%._~+-]{0,300}");

    private final ReviewQueue queue;
    private final ReviewService reviews;
    private final ApplicationMessages messages;
    private final Duplicates duplicates;

    ReviewController(ReviewQueue queue, ReviewService reviews, ApplicationMessages messages, Duplicates duplicates) {
        this.duplicates = duplicates;
        this.queue = queue;
        this.reviews = reviews;
        this.messages = messages;
    }

    /**
     * The queue's filter as typed. A field that does not parse is left out of the filter: a bad date is said by its
     * field, an unknown status shows the submitted ones, an unknown purpose all of them.
     */
    record QueueQuery(String status, @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to, Purpose purpose, String q, String sort) {

        /** The status filtered on; null for "ALL". */
        ApplicationStatus statusFilter() {
            if ("ALL".equals(status)) {
                return null;
            }
            return Arrays.stream(ApplicationStatus.values()).filter(s -> s.name().equals(status)).findFirst()
                    .orElse(ApplicationStatus.SUBMITTED);
        }
    }

    @GetMapping("/review")
    String queue(@ModelAttribute("query") QueueQuery query, BindingResult binding,
            @RequestParam(defaultValue = "1") int page, @AuthenticationPrincipal AccountPrincipal user,
            HttpServletRequest request, Model model) {
        model.addAttribute("reviewer", Actor.of(user));
        model.addAttribute("bulkActions", ReviewService.BulkAction.values());
        model.addAttribute("backQuery", request.getQueryString());
        ApplicationStatus statusFilter = query.statusFilter();
        model.addAttribute("fromInvalid", binding.hasFieldErrors("from"));
        model.addAttribute("toInvalid", binding.hasFieldErrors("to"));
        ReviewQueue.Filter filter = new ReviewQueue.Filter(statusFilter, query.from(), query.to(), query.purpose(),
                query.q(), "desc".equals(query.sort()));
        model.addAttribute("filter", filter);
        model.addAttribute("statusParam", statusFilter == null ? "ALL" : statusFilter.name());
        model.addAttribute("statuses", new ApplicationStatus[] {ApplicationStatus.SUBMITTED,
            ApplicationStatus.INFORMATION_REQUESTED, ApplicationStatus.AWAITING_CONSENT,
            ApplicationStatus.APPROVED_FOR_TRAVEL, ApplicationStatus.REJECTED, ApplicationStatus.CONSENT_REFUSED,
            ApplicationStatus.WITHDRAWN});
        model.addAttribute("purposes", Purpose.values());
        Page<QueueRow> rows = queue.find(filter, page - 1);
        model.addAttribute("page", rows);
        model.addAttribute("flagged", duplicates.flagged(rows.map(QueueRow::id).getContent()));
        model.addAttribute("listedAfterApproval", reviews.listedAfterApproval());
        return QUEUE;
    }

    @GetMapping("/review/applications/{id}")
    String show(@PathVariable long id, @AuthenticationPrincipal AccountPrincipal user, Model model) {
        return detail(reviews.view(id), user, model);
    }

    /**
     * The detail page with the full ID number, for this answer only: nothing is kept, so the next GET shows it
     * masked again. A POST (with CSRF) because it writes the audit event; without a known reason nothing is shown or
     * recorded.
     */
    @PostMapping("/review/applications/{id}/id-number")
    String revealIdNumber(@PathVariable long id, @Valid DisclosureReason.Form form, BindingResult result,
            @AuthenticationPrincipal AccountPrincipal user, Model model, Locale locale) {
        if (result.hasErrors()) {
            model.addAttribute("revealError", messages.get("audit.disclosure.reasonRequired", locale));
            return detail(reviews.view(id), user, model);
        }
        model.addAttribute("idNumberRevealed", true);
        return detail(reviews.revealIdNumber(id, form.reason()), user, model);
    }

    /** Trips whose seat is in a cancelled slot, to move one by one from their page. */
    @GetMapping("/review/rebook")
    String rebook(Model model) {
        model.addAttribute("rows", reviews.toRebook());
        return REBOOK;
    }

    @GetMapping("/review/applications/{id}/photo")
    ResponseEntity<byte[]> photo(@PathVariable long id) {
        byte[] jpeg = reviews.photo(id).orElseThrow(ApplicationNotFoundException::new);
        return ResponseEntity.ok()
                .contentType(MediaType.IMAGE_JPEG)
                .cacheControl(CacheControl.noStore().cachePrivate())
                .body(jpeg);
    }

    /**
     * The full-size photo as a file, for a reason the audit trail keeps (a copy of a face leaving the system is what
     * an auditor asks about; the page's thumbnail is not recorded). Without a known reason: the page, saying so.
     */
    @PostMapping("/review/applications/{id}/photo")
    Object downloadPhoto(@PathVariable long id, @Valid DisclosureReason.Form form, BindingResult result,
            @AuthenticationPrincipal AccountPrincipal user, Model model, Locale locale) {
        if (result.hasErrors()) {
            model.addAttribute("photoError", messages.get("audit.disclosure.reasonRequired", locale));
            return detail(reviews.view(id), user, model);
        }
        byte[] jpeg = reviews.downloadPhoto(id, form.reason());
        return ResponseEntity.ok()
                .contentType(MediaType.IMAGE_JPEG)
                .cacheControl(CacheControl.noStore().cachePrivate())
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("photo-" + id + ".jpg").build().toString())
                .body(jpeg);
    }

    /**
     * Several applications of the queue, each as {@code id:version} (the version the page showed), one decision and
     * one text for all; {@code back} is the queue's query string to return to.
     */
    record BulkForm(List<String> selected, ReviewService.BulkAction action,
            @Size(max = MAX_REASON) String text, String back) {

        private static final Pattern ITEM = Pattern.compile("(\\d{1,18}):(\\d{1,18})");

        /** The selection as typed; null when an item is not {@code id:version}. */
        List<ReviewService.Selected> items() {
            List<ReviewService.Selected> items = new ArrayList<>();
            for (String item : selected == null ? List.<String>of() : selected) {
                Matcher m = ITEM.matcher(item == null ? "" : item);
                if (!m.matches()) {
                    return null;
                }
                items.add(new ReviewService.Selected(Long.parseLong(m.group(1)), Long.parseLong(m.group(2))));
            }
            return items;
        }
    }

    /**
     * One decision for the applications ticked in the queue. Each is decided on its own (see
     * {@link ReviewService#decideEach}); the notice counts those decided, the problem lists the others by reference
     * with why.
     */
    @PostMapping("/review/bulk")
    String bulk(@Valid BulkForm form, BindingResult result, @AuthenticationPrincipal AccountPrincipal user,
            RedirectAttributes redirect, Locale locale) {
        String back = "redirect:/review" + backQuery(form.back());
        List<ReviewService.Selected> items = form.items();
        String problem = null;
        if (result.hasFieldErrors("action")) {
            problem = messages.get("application.bulk.noAction", locale);
        } else if (result.hasErrors()) {
            problem = messages.get(result.getAllErrors().get(0), locale);
        } else if (items == null || items.isEmpty()) {
            problem = messages.get("application.bulk.noneSelected", locale);
        } else if (items.size() > MAX_BULK) {
            problem = messages.get("application.bulk.tooMany", locale, MAX_BULK);
        } else if (form.action() == null) {
            problem = messages.get("application.bulk.noAction", locale);
        } else if (form.action() == ReviewService.BulkAction.REQUEST_INFORMATION
                && (form.text() == null || form.text().isBlank())) {
            problem = messages.get("application.review.message.required", locale);
        }
        if (problem != null) {
            redirect.addFlashAttribute("problem", problem);
            return back;
        }
        String text = form.text() == null || form.text().isBlank() ? null : form.text().strip();
        BulkOutcome outcome = reviews.decideEach(items, Actor.of(user), form.action(), text);
        if (!outcome.decided().isEmpty()) {
            redirect.addFlashAttribute("notice", messages.get("application.bulk.done." + form.action(), locale,
                    outcome.decided().size(), String.join(", ", outcome.decided())));
        }
        if (!outcome.refused().isEmpty()) {
            redirect.addFlashAttribute("problem", messages.get("application.bulk.refused", locale,
                    outcome.refused().size(), outcome.refused().stream()
                            .map(r -> r.reference() + ": " + messages.get(r.why(), locale))
                            .collect(Collectors.joining(" "))));
        }
        return back;
    }

    /** The queue's filter to go back to, only from the parameters the queue knows (never another address). */
    private static String backQuery(String back) {
        if (back == null || back.isBlank() || back.length() > 1000) {
            return "";
        }
        UriComponentsBuilder kept = UriComponentsBuilder.fromPath("");
        for (String pair : back.split("&")) {
            int equals = pair.indexOf('=');
            String name = equals < 0 ? pair : pair.substring(0, equals);
            String value = equals < 0 ? "" : pair.substring(equals + 1);
            if (QUEUE_PARAMETERS.contains(name) && ENCODED_VALUE.matcher(value).matches()) {
                kept.queryParam(name, value);
            }
        }
        return kept.build().toUriString();
    }

    /** The reason for a refusal or a revocation; the applicant reads it. */
    record ReasonForm(@NotBlank(message = "{application.review.reason.required}")
            @Size(max = MAX_REASON) String reason) {
    }

    /** What the applicant must add. */
    record MessageForm(@NotBlank(message = "{application.review.message.required}")
            @Size(max = MAX_REASON) String message) {
    }

    /** The slot to put the trip in (a key of the trip's date), and why when its list has closed. */
    record MoveForm(@NotBlank(message = "{application.error.slot.invalid}") String slot,
            @Size(max = MAX_REASON) String reason) {
    }

    @PostMapping("/review/applications/{id}/slots")
    @OnRefusal(DETAIL_PAGE)
    String move(@PathVariable long id, @RequestParam long version, @Valid MoveForm form, BindingResult result,
            @AuthenticationPrincipal AccountPrincipal user, Model model, RedirectAttributes redirect,
            Locale locale) {
        SlotKey slot = SlotKey.parse(form.slot()).orElse(null);
        if (slot == null && !result.hasFieldErrors("slot")) {
            result.rejectValue("slot", "application.error.slot.invalid");
        }
        if (result.hasErrors()) {
            return again(id, user, "move", "slot", result, model, locale);
        }
        reviews.move(id, version, Actor.of(user), slot, form.reason());
        redirect.addFlashAttribute("notice", messages.get("application.review.moved", locale,
                slot.date() + " " + slot.departsAt()));
        return "redirect:/review/applications/" + id + "#slots";
    }

    @PostMapping("/review/applications/{id}/approve")
    @OnRefusal(DETAIL_PAGE)
    String approve(@PathVariable long id, @RequestParam long version, @AuthenticationPrincipal AccountPrincipal user,
            RedirectAttributes redirect, Locale locale) {
        return done(id, reviews.approve(id, version, Actor.of(user)), redirect, locale);
    }

    @PostMapping("/review/applications/{id}/reject")
    @OnRefusal(DETAIL_PAGE)
    String reject(@PathVariable long id, @RequestParam long version, @Valid ReasonForm form, BindingResult result,
            @AuthenticationPrincipal AccountPrincipal user, Model model, RedirectAttributes redirect,
            Locale locale) {
        if (result.hasErrors()) {
            return again(id, user, "reject", "reason", result, model, locale);
        }
        return done(id, reviews.reject(id, version, Actor.of(user), form.reason()), redirect, locale);
    }

    @PostMapping("/review/applications/{id}/request-information")
    @OnRefusal(DETAIL_PAGE)
    String requestInformation(@PathVariable long id, @RequestParam long version, @Valid MessageForm form,
            BindingResult result, @AuthenticationPrincipal AccountPrincipal user, Model model,
            RedirectAttributes redirect, Locale locale) {
        if (result.hasErrors()) {
            return again(id, user, "request", "message", result, model, locale);
        }
        return done(id, reviews.requestInformation(id, version, Actor.of(user), form.message()), redirect, locale);
    }

    @PostMapping("/review/applications/{id}/consent")
    @OnRefusal(DETAIL_PAGE)
    String consent(@PathVariable long id, @RequestParam long version, @Valid ConsentForm form, BindingResult result,
            @AuthenticationPrincipal AccountPrincipal user, Model model, RedirectAttributes redirect,
            Locale locale) {
        if (result.hasErrors()) {
            return again(id, user, "consent", "counterpartReference", result, model, locale);
        }
        return done(id, reviews.recordConsent(id, version, Actor.of(user), form.consented(),
                form.counterpartReference(), form.note() == null ? "" : form.note()), redirect, locale);
    }

    @PostMapping("/review/applications/{id}/revoke")
    @OnRefusal(DETAIL_PAGE)
    String revoke(@PathVariable long id, @RequestParam long version, @Valid ReasonForm form, BindingResult result,
            @AuthenticationPrincipal AccountPrincipal user, Model model, RedirectAttributes redirect,
            Locale locale) {
        if (result.hasErrors()) {
            return again(id, user, "revoke", "reason", result, model, locale);
        }
        return done(id, reviews.revoke(id, version, Actor.of(user), form.reason()), redirect, locale);
    }

    /** Says how a decision went; a refused one never gets here (see {@link OnRefusal}). */
    private String done(long id, ApplicationStatus now, RedirectAttributes redirect, Locale locale) {
        redirect.addFlashAttribute("notice",
                messages.get("application.review.done", locale, messages.status(now, locale)));
        return "redirect:/review/applications/" + id;
    }

    /** The detail page again, with what the officer typed in {@code field} and what is wrong (that field first). */
    private String again(long id, AccountPrincipal user, String form, String field, BindingResult result,
            Model model, Locale locale) {
        Object typed = result.getFieldValue(field);
        String shown = typed == null ? "" : typed.toString();
        model.addAttribute("failedForm", form);
        model.addAttribute("failedText", shown.length() > 2 * MAX_REASON ? shown.substring(0, 2 * MAX_REASON) : shown);
        model.addAttribute("failedMessage", messages.get(result.hasFieldErrors(field) ? result.getFieldError(field)
                : result.getFieldError(), locale));
        return detail(reviews.view(id), user, model);
    }

    private String detail(ApplicationView app, AccountPrincipal user, Model model) {
        model.addAttribute("app", app);
        model.addAttribute("reviewer", Actor.of(user));
        model.addAttribute("tripSlots", reviews.slots(app.id()));
        model.addAttribute("duplicates", reviews.duplicates(app.id()));
        model.addAttribute("disclosureReasons", DisclosureReason.values());
        return DETAIL;
    }
}
