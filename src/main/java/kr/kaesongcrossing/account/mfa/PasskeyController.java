package kr.kaesongcrossing.account.mfa;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import kr.kaesongcrossing.account.AccountPrincipal;
import kr.kaesongcrossing.system.OnRefusal;
import kr.kaesongcrossing.system.Refusal;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * {@code /account/passkeys}: a person's own passkeys (anyone signed in; staff with their full sign-in). Adding one
 * is done by the page's script through Spring's {@code /webauthn/register}; deleting one is a form here. Staff may
 * not delete their last passkey while they have no authenticator app: they could not sign in again.
 */
@Controller
@RequestMapping("/account/passkeys")
class PasskeyController {

    private static final String PAGE = "/account/passkeys";

    /** The passkey to delete, by its (public) credential id, sent in the form body rather than the address. */
    record DeleteForm(@NotBlank @Size(max = 768) String passkey) {
    }

    static final class PasskeyRefused extends Refusal {
        PasskeyRefused(String messageKey) {
            super(messageKey, messageKey);
        }
    }

    private final PasskeyStore passkeys;
    private final SecondFactors factors;

    PasskeyController(PasskeyStore passkeys, SecondFactors factors) {
        this.passkeys = passkeys;
        this.factors = factors;
    }

    @GetMapping
    String list(@RequestParam(required = false) String added, @AuthenticationPrincipal AccountPrincipal user,
            Model model) {
        if (added != null) {
            model.addAttribute("message", "passkeys.added"); // the page's script came back after adding one
        }
        model.addAttribute("passkeys", passkeys.of(user.id()));
        return "account/passkeys";
    }

    @PostMapping("/delete")
    @OnRefusal(PAGE)
    String delete(@Valid DeleteForm form, BindingResult binding, @AuthenticationPrincipal AccountPrincipal user,
            RedirectAttributes redirect) {
        if (binding.hasErrors()) {
            throw new PasskeyRefused("passkeys.refused.gone");
        }
        boolean onlyFactor = user.role().isStaff() && !factors.hasTotp(user.id());
        switch (passkeys.delete(user.id(), form.passkey(), onlyFactor)) {
            case ONLY_ONE_LEFT -> throw new PasskeyRefused("passkeys.refused.last");
            case NOT_FOUND -> throw new PasskeyRefused("passkeys.refused.gone");
            case DELETED -> { }
        }
        redirect.addFlashAttribute("message", "passkeys.deleted");
        return "redirect:" + PAGE;
    }
}
