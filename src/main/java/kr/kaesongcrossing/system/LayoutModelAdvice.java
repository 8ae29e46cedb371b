package kr.kaesongcrossing.system;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Values every page's layout needs. */
@ControllerAdvice
class LayoutModelAdvice {

    private final boolean demoMode;

    LayoutModelAdvice(@Value("${kc.demo.enabled}") boolean demoMode) {
        this.demoMode = demoMode;
    }

    @ModelAttribute("demoMode")
    boolean demoMode() {
        return demoMode;
    }

    /** The path of the page being shown, so the menu can mark its link (aria-current). */
    @ModelAttribute("currentPath")
    String currentPath(HttpServletRequest request) {
        return request.getRequestURI().substring(request.getContextPath().length());
    }
}
