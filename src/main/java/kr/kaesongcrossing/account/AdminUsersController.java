package kr.kaesongcrossing.account;

import jakarta.validation.Valid;
import java.util.List;
import java.util.Locale;
import kr.kaesongcrossing.system.OnRefusal;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * {@code /admin/users}: administrators list accounts, create staff, change roles, disable and enable, end all
 * sessions of an account and reset a staff member's second factors.
 */
@Controller
@RequestMapping("/admin/users")
class AdminUsersController {

    private static final String LIST_VIEW = "admin/users";
    private static final String FORM_VIEW = "admin/user-new";
    private static final String LIST_PAGE = "/admin/users";
    private static final String BACK = "redirect:" + LIST_PAGE;

    private final UserAdministration administration;
    private final PasswordPolicy passwordPolicy;
    private final UserAccountRepository accounts;

    AdminUsersController(UserAdministration administration, PasswordPolicy passwordPolicy,
            UserAccountRepository accounts) {
        this.administration = administration;
        this.passwordPolicy = passwordPolicy;
        this.accounts = accounts;
    }

    @ModelAttribute("roles")
    List<Role> roles() {
        return List.of(Role.values());
    }

    /** {@code ?page} is 1-based, as every paginated page of the site. */
    @GetMapping
    String list(@RequestParam(defaultValue = "1") int page, Model model) {
        model.addAttribute("users", administration.page(page - 1));
        return LIST_VIEW;
    }

    @GetMapping("/new")
    String initCreationForm(Model model, Locale locale) {
        model.addAttribute("form", StaffAccountForm.empty(locale.getLanguage()));
        return FORM_VIEW;
    }

    @PostMapping
    String processCreationForm(@Valid @ModelAttribute("form") StaffAccountForm form, BindingResult result,
            @AuthenticationPrincipal AccountPrincipal admin, RedirectAttributes redirect) {
        passwordPolicy.validate(form.password(), form.email(), result, "password");
        if (!result.hasFieldErrors("email") && accounts.existsByEmailIgnoreCase(form.email().strip())) {
            result.rejectValue("email", "register.email.taken");
        }
        if (result.hasErrors()) {
            return FORM_VIEW;
        }
        administration.createStaff(admin.id(), form);
        redirect.addFlashAttribute("message", "admin.users.created");
        return BACK;
    }

    @PostMapping("/{id}/role")
    @OnRefusal(LIST_PAGE)
    String changeRole(@PathVariable long id, @RequestParam Role role, @AuthenticationPrincipal AccountPrincipal admin,
            RedirectAttributes redirect) {
        return apply(() -> administration.changeRole(admin.id(), id, role), "admin.users.roleChanged", redirect);
    }

    @PostMapping("/{id}/disable")
    @OnRefusal(LIST_PAGE)
    String disable(@PathVariable long id, @AuthenticationPrincipal AccountPrincipal admin, RedirectAttributes redirect) {
        return apply(() -> administration.disable(admin.id(), id), "admin.users.disabled", redirect);
    }

    @PostMapping("/{id}/enable")
    @OnRefusal(LIST_PAGE)
    String enable(@PathVariable long id, @AuthenticationPrincipal AccountPrincipal admin, RedirectAttributes redirect) {
        return apply(() -> administration.enable(admin.id(), id), "admin.users.enabled", redirect);
    }

    @PostMapping("/{id}/sessions/end")
    @OnRefusal(LIST_PAGE)
    String endSessions(@PathVariable long id, @AuthenticationPrincipal AccountPrincipal admin,
            RedirectAttributes redirect) {
        return apply(() -> administration.endSessions(admin.id(), id), "admin.users.sessionsEnded", redirect);
    }

    @PostMapping("/{id}/second-factors/reset")
    @OnRefusal(LIST_PAGE)
    String resetSecondFactors(@PathVariable long id, @AuthenticationPrincipal AccountPrincipal admin,
            RedirectAttributes redirect) {
        return apply(() -> administration.resetSecondFactors(admin.id(), id), "admin.users.secondFactorsReset",
                redirect);
    }

    /** Makes the change; a refused one goes back to the list with the reason (see {@link OnRefusal}). */
    private static String apply(Runnable change, String doneKey, RedirectAttributes redirect) {
        change.run();
        redirect.addFlashAttribute("message", doneKey);
        return BACK;
    }
}
