package kr.kaesongcrossing.account;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.util.Locale;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.LocaleResolver;

/**
 * The language switch of a signed-in person: a POST (with CSRF) keeps the choice in their account and in the
 * session's principal, so the next login and mails use it too. A plain {@code ?lang=} link only sets the cookie
 * (system.WebConfig): a GET never changes an account.
 */
@Controller
class AccountLanguage {

    record LanguageForm(@NotNull @Pattern(regexp = "ko|en") String lang, String returnTo) {
    }

    private final UserAccountRepository accounts;
    private final TransactionTemplate tx;
    private final LocaleResolver localeResolver;
    private final SecurityContextRepository contexts = new HttpSessionSecurityContextRepository();

    AccountLanguage(UserAccountRepository accounts, TransactionTemplate tx, LocaleResolver localeResolver) {
        this.accounts = accounts;
        this.tx = tx;
        this.localeResolver = localeResolver;
    }

    @PostMapping("/account/language")
    String change(@Valid @ModelAttribute LanguageForm form, BindingResult errors,
            @AuthenticationPrincipal AccountPrincipal user, HttpServletRequest request,
            HttpServletResponse response) {
        if (errors.hasErrors() || user == null) {
            return "redirect:/";
        }
        String lang = form.lang();
        localeResolver.setLocale(request, response, Locale.forLanguageTag(lang));
        if (!lang.equals(user.language())) {
            tx.executeWithoutResult(status -> accounts.findById(user.id()).ifPresent(a -> a.changeLanguage(lang)));
            remember(user, lang, request, response);
        }
        return "redirect:" + localPath(form.returnTo());
    }

    /** The session's principal carries the new language too. */
    private void remember(AccountPrincipal user, String lang, HttpServletRequest request,
            HttpServletResponse response) {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        AccountPrincipal updated = new AccountPrincipal(user.id(), user.email(), user.displayName(), null,
                user.role(), lang, user.enabled());
        UsernamePasswordAuthenticationToken token = UsernamePasswordAuthenticationToken.authenticated(
                updated, null, auth.getAuthorities());
        token.setDetails(auth.getDetails());
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(token);
        SecurityContextHolder.setContext(context);
        contexts.saveContext(context, request, response);
    }

    /** Back to the page the switch was on, never to another site. */
    static String localPath(String returnTo) {
        if (returnTo == null || !returnTo.startsWith("/") || returnTo.startsWith("//") || returnTo.startsWith("/\\")
                || returnTo.length() > 2000 || returnTo.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
            return "/";
        }
        return returnTo;
    }
}
