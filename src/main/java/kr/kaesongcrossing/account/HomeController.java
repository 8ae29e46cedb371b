package kr.kaesongcrossing.account;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

@Controller
class HomeController {

    /** A signed-in person who opens the sign-in page (a bookmark, the back button) goes to their home page. */
    @GetMapping("/login")
    String login(@AuthenticationPrincipal AccountPrincipal user) {
        return user == null ? "account/login" : "redirect:/";
    }

    /** Each role lands on its own home page with the menu of what it may do. */
    @GetMapping("/")
    String home(@AuthenticationPrincipal AccountPrincipal user) {
        Role home = user.role() == Role.SUPERVISOR ? Role.CHECKPOINT : user.role(); // the same lanes, log and roster
        return "home/" + home.name().toLowerCase(java.util.Locale.ROOT);
    }
}
