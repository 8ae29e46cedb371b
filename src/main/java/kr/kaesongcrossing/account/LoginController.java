package kr.kaesongcrossing.account;

import kr.kaesongcrossing.account.mfa.Totp;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

@Controller
class LoginController {

    private final boolean demoMode;

    LoginController(@Value("${kc.demo.enabled:false}") boolean demoMode) {
        this.demoMode = demoMode;
    }

    /**
     * A signed-in person who opens the sign-in page (a bookmark, the back button) goes to their home page. In demo
     * mode the page shows the demo staff accounts' authenticator key and its current code.
     */
    @GetMapping("/login")
    String login(@AuthenticationPrincipal AccountPrincipal user, Model model) {
        if (user != null) {
            return "redirect:/";
        }
        if (demoMode) {
            model.addAttribute("demoTotpSecret", Totp.DEMO_SECRET);
            model.addAttribute("demoTotpCode", Totp.code(Totp.DEMO_SECRET, Totp.currentStep()));
        }
        return "account/login";
    }
}
