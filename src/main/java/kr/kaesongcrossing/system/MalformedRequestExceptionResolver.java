package kr.kaesongcrossing.system;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.apache.tomcat.util.http.InvalidParameterException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.InvalidPropertyException;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.ModelAndView;

/**
 * A request the server cannot even read (form data that is not valid UTF-8 or too large, a broken multipart body,
 * a file name with control characters, a form field no form offers) is the client's fault: 400 (or 413) with the error page in the user's
 * language, not a 500 with a logged stack trace.
 */
@Component
class MalformedRequestExceptionResolver implements HandlerExceptionResolver, Ordered {

    private static final Logger log = LoggerFactory.getLogger(MalformedRequestExceptionResolver.class);

    @Override
    public ModelAndView resolveException(HttpServletRequest request, HttpServletResponse response, Object handler,
            Exception failure) {
        int status;
        if (failure instanceof InvalidParameterException invalid) {
            status = invalid.getErrorCode() >= 400 && invalid.getErrorCode() < 500
                    ? invalid.getErrorCode() : HttpStatus.BAD_REQUEST.value();
        } else if (failure instanceof MaxUploadSizeExceededException) {
            status = HttpStatus.PAYLOAD_TOO_LARGE.value();
        } else if (failure instanceof MultipartException || failure instanceof InvalidPropertyException) {
            // InvalidPropertyException: a crafted form field, e.g. a list index far beyond the rows offered
            status = HttpStatus.BAD_REQUEST.value();
        } else {
            return null;
        }
        log.info("Refused a malformed request {} {} with {}: {}", request.getMethod(), request.getRequestURI(),
                status, failure.getMessage());
        if (request.getDispatcherType() == DispatcherType.ERROR) {
            // The error page itself could not read the request (Tomcat repeats the failure): render it here.
            if (!DatabaseUnavailableResponder.isApiRequest(request)) {
                return new ModelAndView("error", HttpStatus.valueOf(status));
            }
            try {
                response.setContentType("application/json");
                response.getWriter().write("{\"status\":" + status + ",\"error\":\""
                        + HttpStatus.valueOf(status).name() + "\"}");
            } catch (IOException | IllegalStateException clientGone) {
                return null;
            }
            return new ModelAndView();
        }
        if (failure instanceof MultipartException) {
            // Tells the error dispatch not to parse the same broken body again (it would answer with no page).
            request.setAttribute(RequestDispatcher.ERROR_EXCEPTION, failure);
        }
        try {
            response.sendError(status);
        } catch (IOException | IllegalStateException alreadyCommitted) {
            return null;
        }
        return new ModelAndView();
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 1;
    }
}
