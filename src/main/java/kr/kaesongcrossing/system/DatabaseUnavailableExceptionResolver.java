package kr.kaesongcrossing.system;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.ModelAndView;

/**
 * Fail closed when a controller or service hits an unavailable database ({@code DataAccessException},
 * {@code CannotCreateTransactionException}, JDBC connection and timeout failures): 503 page or JSON, never a
 * stack trace. Runs before every {@code @ExceptionHandler}, and passes every other failure on to them.
 */
@Component
class DatabaseUnavailableExceptionResolver implements HandlerExceptionResolver, Ordered {

    private final DatabaseUnavailableResponder responder;

    DatabaseUnavailableExceptionResolver(DatabaseUnavailableResponder responder) {
        this.responder = responder;
    }

    @Override
    public ModelAndView resolveException(HttpServletRequest request, HttpServletResponse response, Object handler,
            Exception failure) {
        if (!DatabaseFailures.isUnavailable(failure) || !responder.respond(request, response, failure)) {
            return null;
        }
        return new ModelAndView();
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }
}
