package kr.kaesongcrossing.system;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Turns a refused change into the "problem" flash message (in the reader's language) on the page the handler's
 * {@link OnRefusal} names. A handler without it lets the failure go on to the usual error handling.
 */
@ControllerAdvice
class RefusalAdvice {

    private static final String MODULES = "kr.kaesongcrossing.";

    private final MessageSource messages;

    RefusalAdvice(MessageSource messages) {
        this.messages = messages;
    }

    @ExceptionHandler(Refusal.class)
    String refused(Refusal refusal, HandlerMethod handler, HttpServletRequest request, RedirectAttributes redirect,
            Locale locale) {
        return back(refusal, refusal, handler, request, redirect, locale);
    }

    /**
     * Someone else changed the same record at the same moment (the version check at commit failed): the module's
     * own sentence ({@code <module>.refused.concurrent}) when it has one, else the general one.
     */
    @ExceptionHandler(ConcurrencyFailureException.class)
    String concurrent(ConcurrencyFailureException failure, HandlerMethod handler, HttpServletRequest request,
            RedirectAttributes redirect, Locale locale) {
        String module = handler.getBeanType().getPackageName().substring(MODULES.length()).split("\\.")[0];
        return back(failure, new DefaultMessageSourceResolvable(
                new String[] {module + ".refused.concurrent", "refused.concurrent"}), handler, request, redirect,
                locale);
    }

    private String back(RuntimeException failure, MessageSourceResolvable why, HandlerMethod handler,
            HttpServletRequest request, RedirectAttributes redirect, Locale locale) {
        OnRefusal page = handler.getMethodAnnotation(OnRefusal.class);
        if (page == null) {
            throw failure; // the same exception: Spring goes on with its other resolvers
        }
        redirect.addFlashAttribute("problem", messages.getMessage(why, locale));
        for (String name : page.keep()) {
            String value = request.getParameter(name);
            if (value != null && !value.isBlank()) {
                redirect.addAttribute(name, value);
            }
        }
        return "redirect:" + page.value();
    }
}
