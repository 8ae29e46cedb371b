package kr.kaesongcrossing.account;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

@Controller
class HomeController {

    @GetMapping("/login")
    String login() {
        return "account/login";
    }

    /** Each role lands on its own home page with the menu of what it may do. */
    @GetMapping("/")
    String home(@AuthenticationPrincipal AccountPrincipal user) {
        return "home/" + user.role().name().toLowerCase(java.util.Locale.ROOT);
    }
}
