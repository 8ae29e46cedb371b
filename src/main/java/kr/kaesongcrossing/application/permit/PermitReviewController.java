package kr.kaesongcrossing.application.permit;

import jakarta.validation.Valid;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import kr.kaesongcrossing.account.AccountPrincipal;
import kr.kaesongcrossing.account.Accounts;
import kr.kaesongcrossing.application.model.Purpose;
import kr.kaesongcrossing.system.OfficeTime;
import kr.kaesongcrossing.system.OnRefusal;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * {@code /review/permits} (OFFICER, by the module's /review rule): every standing permit, the grant form, revoking
 * one, and the renewals coordinators asked for. Each change is audited by {@link Permits}.
 */
@Controller
@RequestMapping("/review/permits")
class PermitReviewController {

    private static final String VIEW = "review/permits";
    private static final String PAGE = "/review/permits";

    private final Permits permits;
    private final PermitRows rows;
    private final Accounts accounts;
    private final Clock clock;

    PermitReviewController(Permits permits, PermitRows rows, Accounts accounts, Clock clock) {
        this.permits = permits;
        this.rows = rows;
        this.accounts = accounts;
        this.clock = clock;
    }

    @InitBinder("form")
    void binder(WebDataBinder binder) {
        binder.setDisallowedFields("id");
    }

    @GetMapping
    String list(Model model) {
        return page(PermitGrantForm.empty(OfficeTime.today(clock), permits.rules().maxMonths()), model);
    }

    @PostMapping
    @OnRefusal(PAGE)
    String grant(@Valid @ModelAttribute("form") PermitGrantForm form, BindingResult errors,
            @AuthenticationPrincipal AccountPrincipal officer, Model model, RedirectAttributes redirect) {
        if (errors.hasErrors()) {
            return page(form, model);
        }
        Accounts.Contact holder = accounts.civilian(form.holderEmail()).orElse(null);
        if (holder == null) {
            errors.rejectValue("holderEmail", "permit.error.noSuchApplicant");
            return page(form, model);
        }
        StandingPermit permit = permits.grant(form.terms(holder.id()), officer.id());
        redirect.addFlashAttribute("message", "permit.granted");
        redirect.addFlashAttribute("messageArg", permit.reference());
        return "redirect:" + PAGE;
    }

    @PostMapping("/{id}/revoke")
    @OnRefusal(PAGE)
    String revoke(@PathVariable long id, @RequestParam(required = false) String reason,
            @AuthenticationPrincipal AccountPrincipal officer, RedirectAttributes redirect) {
        permits.revoke(id, reason, officer);
        redirect.addFlashAttribute("message", "permit.revoked");
        return "redirect:" + PAGE;
    }

    @PostMapping("/renewals/{id}/grant")
    @OnRefusal(PAGE)
    String grantRenewal(@PathVariable long id, @AuthenticationPrincipal AccountPrincipal officer,
            RedirectAttributes redirect) {
        StandingPermit permit = permits.grantRenewal(id, officer.id());
        redirect.addFlashAttribute("message", "permit.granted");
        redirect.addFlashAttribute("messageArg", permit.reference());
        return "redirect:" + PAGE;
    }

    @PostMapping("/renewals/{id}/decline")
    @OnRefusal(PAGE)
    String declineRenewal(@PathVariable long id, @RequestParam(required = false) String reason,
            @AuthenticationPrincipal AccountPrincipal officer, RedirectAttributes redirect) {
        permits.declineRenewal(id, reason, officer.id());
        redirect.addFlashAttribute("message", "permit.renewals.declined");
        return "redirect:" + PAGE;
    }

    private String page(PermitGrantForm form, Model model) {
        List<PermitRow> all = rows.of(permits.all());
        Map<Long, PermitRow> byId = all.stream().collect(Collectors.toMap(r -> r.permit().getId(),
                Function.identity()));
        model.addAttribute("form", form);
        model.addAttribute("permits", all);
        model.addAttribute("renewals", permits.openRenewals().stream()
                .map(r -> new RenewalRow(r.getId(), byId.get(r.getPermitId()), r.getRequestedAt()))
                .filter(r -> r.permit() != null).toList());
        model.addAttribute("organisations", rows.organisations());
        model.addAttribute("purposes", Arrays.asList(Purpose.values()));
        model.addAttribute("maxMonths", permits.rules().maxMonths());
        return VIEW;
    }

    /** An open renewal request with the permit it renews. */
    record RenewalRow(long id, PermitRow permit, java.time.Instant requestedAt) {
    }
}
