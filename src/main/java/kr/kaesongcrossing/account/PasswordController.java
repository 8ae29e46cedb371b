package kr.kaesongcrossing.account;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.Optional;
import kr.kaesongcrossing.system.OnRefusal;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * {@code /account/password}: a signed-in person changes their password. {@code /password/forgot} and
 * {@code /password/reset} (public): asking for a reset link by mail, and using it. Opening the link only shows the
 * form; the link is spent when the new password is sent.
 */
@Controller
class PasswordController {

    private static final String CHANGE_VIEW = "account/password";
    private static final String FORGOT_VIEW = "account/password-forgot";
    private static final String RESET_VIEW = "account/password-reset";
    private static final String INVALID_VIEW = "account/password-reset-invalid";

    record ChangeForm(@NotBlank(message = "{validation.required}") @Size(max = 128) String currentPassword,
            @NotBlank(message = "{validation.required}") String newPassword,
            @NotBlank(message = "{validation.required}") String confirmation) {

        static ChangeForm empty() {
            return new ChangeForm("", "", "");
        }
    }

    record ForgotForm(@NotBlank(message = "{validation.required}") @Email(message = "{validation.email}")
            @Size(max = 254) String email) {
    }

    record ResetForm(String token, @NotBlank(message = "{validation.required}") String newPassword,
            @NotBlank(message = "{validation.required}") String confirmation) {
    }

    private final Passwords passwords;
    private final PasswordPolicy policy;

    PasswordController(Passwords passwords, PasswordPolicy policy) {
        this.passwords = passwords;
        this.policy = policy;
    }

    @GetMapping("/account/password")
    String initChangeForm(Model model) {
        model.addAttribute("form", ChangeForm.empty());
        return CHANGE_VIEW;
    }

    @PostMapping("/account/password")
    @OnRefusal("/account/password")
    String processChangeForm(@Valid @ModelAttribute("form") ChangeForm form, BindingResult result,
            @AuthenticationPrincipal AccountPrincipal user, HttpServletRequest request, RedirectAttributes redirect) {
        checkNewPassword(form.newPassword(), form.confirmation(), user.email(), result);
        if (result.hasErrors()) {
            return CHANGE_VIEW;
        }
        passwords.change(user.id(), form.currentPassword(), form.newPassword(), request.getSession().getId());
        redirect.addFlashAttribute("message", "password.change.done");
        return "redirect:/account/sessions";
    }

    @GetMapping("/password/forgot")
    String initForgotForm(Model model) {
        model.addAttribute("form", new ForgotForm(""));
        return FORGOT_VIEW;
    }

    /** The same answer whether or not the email is an account's, and whether or not a mail went out. */
    @PostMapping("/password/forgot")
    String processForgotForm(@Valid @ModelAttribute("form") ForgotForm form, BindingResult result,
            HttpServletRequest request, RedirectAttributes redirect) {
        if (result.hasErrors()) {
            return FORGOT_VIEW;
        }
        passwords.requestReset(form.email(), request.getRemoteAddr());
        redirect.addFlashAttribute("message", "password.forgot.sent");
        return "redirect:/login";
    }

    @GetMapping("/password/reset")
    String initResetForm(@RequestParam Optional<String> token, Model model) {
        if (token.flatMap(passwords::resetFor).isEmpty()) {
            return INVALID_VIEW;
        }
        model.addAttribute("form", new ResetForm(token.get(), "", ""));
        return RESET_VIEW;
    }

    @PostMapping("/password/reset")
    @OnRefusal("/password/reset")
    String processResetForm(@Valid @ModelAttribute("form") ResetForm form, BindingResult result,
            RedirectAttributes redirect) {
        Optional<String> email = passwords.resetFor(form.token());
        if (email.isEmpty()) {
            return INVALID_VIEW;
        }
        checkNewPassword(form.newPassword(), form.confirmation(), email.get(), result);
        if (result.hasErrors()) {
            return RESET_VIEW;
        }
        passwords.reset(form.token(), form.newPassword());
        redirect.addFlashAttribute("message", "password.reset.done");
        return "redirect:/login";
    }

    private void checkNewPassword(String password, String confirmation, String email, BindingResult result) {
        policy.validate(password, email, result, "newPassword");
        if (!result.hasFieldErrors("newPassword") && !result.hasFieldErrors("confirmation")
                && !password.equals(confirmation)) {
            result.rejectValue("confirmation", "password.confirmation.mismatch");
        }
    }
}
