package kr.kaesongcrossing.account;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import kr.kaesongcrossing.system.OnRefusal;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** {@code /account/sessions}: a signed-in person's own sessions, each of which they may end. */
@Controller
@RequestMapping("/account/sessions")
class MySessionsController {

    private static final String PAGE = "/account/sessions";

    private final AccountSessions sessions;

    MySessionsController(AccountSessions sessions) {
        this.sessions = sessions;
    }

    @GetMapping
    String list(@AuthenticationPrincipal AccountPrincipal user, HttpServletRequest request, Model model) {
        model.addAttribute("sessions", sessions.of(user.email(), request.getSession().getId()));
        return "account/sessions";
    }

    /** Ends one session; ending this one is signing out. */
    @PostMapping("/{handle}/end")
    @OnRefusal(PAGE)
    String end(@PathVariable String handle, @AuthenticationPrincipal AccountPrincipal user,
            HttpServletRequest request, RedirectAttributes redirect) {
        HttpSession current = request.getSession();
        if (Sha256.same(AccountSessions.handle(current.getId()), handle)) {
            SecurityContextHolder.clearContext();
            current.invalidate();
            return "redirect:/login?logout";
        }
        if (!sessions.end(user.email(), handle)) {
            throw new AccountChangeRefused("sessions.refused.gone");
        }
        redirect.addFlashAttribute("message", "sessions.ended");
        return "redirect:" + PAGE;
    }

    @PostMapping("/end-others")
    String endOthers(@AuthenticationPrincipal AccountPrincipal user, HttpServletRequest request,
            RedirectAttributes redirect) {
        sessions.endAllBut(user.email(), request.getSession().getId());
        redirect.addFlashAttribute("message", "sessions.othersEnded");
        return "redirect:" + PAGE;
    }
}
