package kr.kaesongcrossing.account;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * A signed-in person who switches language with {@code ?lang=ko|en} keeps that choice in their account
 * (and in the session's principal), so the next login and mails use it too.
 */
@Component
class AccountLanguage implements WebMvcConfigurer, HandlerInterceptor {

    private final UserAccountRepository accounts;
    private final TransactionTemplate tx;
    private final SecurityContextRepository contexts = new HttpSessionSecurityContextRepository();

    AccountLanguage(UserAccountRepository accounts, TransactionTemplate tx) {
        this.accounts = accounts;
        this.tx = tx;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this);
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        String lang = request.getParameter("lang");
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (Languages.isSupported(lang) && auth != null && auth.getPrincipal() instanceof AccountPrincipal user
                && !lang.equals(user.language())) {
            tx.executeWithoutResult(status -> accounts.findById(user.id()).ifPresent(a -> a.changeLanguage(lang)));
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
        return true;
    }
}
