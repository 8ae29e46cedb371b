package kr.kaesongcrossing.account;

import jakarta.validation.Valid;
import java.time.Clock;
import java.util.Locale;
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
    private final Clock clock;

    RegistrationController(UserAccountRepository accounts, PasswordEncoder passwordEncoder, Clock clock) {
        this.accounts = accounts;
        this.passwordEncoder = passwordEncoder;
        this.clock = clock;
    }

    @GetMapping("/register")
    String initRegistrationForm(Model model, Locale locale) {
        model.addAttribute("form", new RegistrationForm("", "", "", locale.getLanguage()));
        return VIEW;
    }

    @PostMapping("/register")
    String processRegistrationForm(@Valid @ModelAttribute("form") RegistrationForm form, BindingResult result,
            RedirectAttributes redirect) {
        if (!result.hasFieldErrors("email") && accounts.existsByEmailIgnoreCase(form.email().strip())) {
            result.rejectValue("email", "register.email.taken");
        }
        if (result.hasErrors()) {
            return VIEW;
        }
        accounts.save(new UserAccount(form.email().strip().toLowerCase(Locale.ROOT), form.displayName().strip(),
                passwordEncoder.encode(form.password()), Role.CIVILIAN, form.language(), clock.instant()));
        redirect.addFlashAttribute("message", "register.done");
        return "redirect:/login";
    }
}
