package kr.kaesongcrossing.account;

import jakarta.validation.Valid;
import java.time.Clock;
import java.util.Locale;
import kr.kaesongcrossing.audit.AuditTrail;
import kr.kaesongcrossing.audit.Subject;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

@Controller
class RegistrationController {

    private static final String VIEW = "account/register";

    private final UserAccountRepository accounts;
    private final PasswordEncoder passwordEncoder;
    private final PasswordPolicy passwordPolicy;
    private final AuditTrail audit;
    private final Clock clock;

    RegistrationController(UserAccountRepository accounts, PasswordEncoder passwordEncoder,
            PasswordPolicy passwordPolicy, AuditTrail audit, Clock clock) {
        this.accounts = accounts;
        this.passwordEncoder = passwordEncoder;
        this.passwordPolicy = passwordPolicy;
        this.audit = audit;
        this.clock = clock;
    }

    @GetMapping("/register")
    String initRegistrationForm(@AuthenticationPrincipal AccountPrincipal user, Model model, Locale locale) {
        if (user != null) {
            return "redirect:/";
        }
        model.addAttribute("form", new RegistrationForm("", "", "", Languages.isSupported(locale.getLanguage()) ? locale.getLanguage() : "ko"));
        return VIEW;
    }

    @PostMapping("/register")
    String processRegistrationForm(@Valid @ModelAttribute("form") RegistrationForm form, BindingResult result,
            RedirectAttributes redirect) {
        passwordPolicy.validate(form.password(), form.email(), result, "password");
        if (!result.hasFieldErrors("email") && accounts.existsByEmailIgnoreCase(form.email().strip())) {
            result.rejectValue("email", "register.email.taken");
        }
        if (result.hasErrors()) {
            return VIEW;
        }
        UserAccount account;
        try {
            account = accounts.saveAndFlush(new UserAccount(form.email().strip().toLowerCase(Locale.ROOT),
                    form.displayName().strip(), passwordEncoder.encode(form.password()), Role.CIVILIAN,
                    form.language(), clock.instant()));
        } catch (DataIntegrityViolationException sameEmailMeanwhile) {
            result.rejectValue("email", "register.email.taken");
            return VIEW;
        }
        audit.record("account.registered", Subject.of("account", account.getId()), null);
        redirect.addFlashAttribute("message", "register.done");
        return "redirect:/login";
    }
}
