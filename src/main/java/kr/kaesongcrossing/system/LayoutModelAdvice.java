package kr.kaesongcrossing.system;

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
}
