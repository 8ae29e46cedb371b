package kr.kaesongcrossing.account;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.Locale;
import kr.kaesongcrossing.audit.AuditTrail;
import kr.kaesongcrossing.audit.Subject;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.LocaleResolver;

/**
 * After login: the site switches to the account's language, the session notes the browser it was signed in from
 * ("My sessions"), then goes where the person was headed (or home).
 * Then the account is read again: an administrator may have disabled it or changed its role while the password
 * was being checked. The redirect has stored the new session by then (Spring Session saves it when the response
 * is committed), so either that administrator's change ends it (AccountSessions, after their commit) or this
 * check sees the change and ends it here.
 */
@Component
class LoginSuccessHandler extends SavedRequestAwareAuthenticationSuccessHandler {

    private final LocaleResolver localeResolver;
    private final UserAccountRepository accounts;
    private final AuditTrail audit;

    LoginSuccessHandler(LocaleResolver localeResolver, UserAccountRepository accounts, AuditTrail audit) {
        this.localeResolver = localeResolver;
        this.accounts = accounts;
        this.audit = audit;
        setDefaultTargetUrl("/");
    }

    @Override
    public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response,
            Authentication authentication) throws ServletException, IOException {
        if (authentication.getPrincipal() instanceof AccountPrincipal user && Languages.isSupported(user.language())) {
            localeResolver.setLocale(request, response, Locale.forLanguageTag(user.language()));
        }
        // The session has its id for this sign-in by now (fixation protection changed it); what "My sessions" shows.
        request.getSession().setAttribute(AccountSessions.BROWSER, BrowserSummary.of(request.getHeader("User-Agent")));
        super.onAuthenticationSuccess(request, response, authentication);
        if (authentication.getPrincipal() instanceof AccountPrincipal user && !stillAsSignedIn(user)) {
            audit.refused("login.ended-changed-during-sign-in", Subject.of("account", user.id()), null);
            SecurityContextHolder.clearContext();
            HttpSession session = request.getSession(false);
            if (session != null) {
                session.invalidate();
            }
        }
    }

    private boolean stillAsSignedIn(AccountPrincipal user) {
        return accounts.findById(user.id()).filter(a -> a.isEnabled() && a.getRole() == user.role()).isPresent();
    }
}
