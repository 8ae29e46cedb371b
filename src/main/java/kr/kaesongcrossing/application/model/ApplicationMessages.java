package kr.kaesongcrossing.application.model;

import java.util.Locale;
import kr.kaesongcrossing.application.ApplicationStatus;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/** Turns refusals and statuses into sentences in the reader's language, for flash messages. */
@Component
public class ApplicationMessages {

    private final MessageSource messages;

    ApplicationMessages(MessageSource messages) {
        this.messages = messages;
    }

    public String get(String key, Locale locale, Object... args) {
        return messages.getMessage(key, args, locale);
    }

    public String status(ApplicationStatus status, Locale locale) {
        return get("application.status." + status.name(), locale);
    }

    public String refusal(IllegalTransitionException e, Locale locale) {
        if (e instanceof TravellerInsideException) {
            return get("application.refused.travellerInside", locale);
        }
        return get(e.action().messageKey(), locale, status(e.current(), locale));
    }

    public String refusal(OwnApplicationException e, Locale locale) {
        return get("application.refused.own", locale);
    }

    public String stale(StaleApplicationException e, Locale locale) {
        return get("application.refused.stale", locale, status(e.current(), locale));
    }

    public String concurrent(Locale locale) {
        return get("application.refused.concurrent", locale);
    }

    /** A problem or outcome key whose argument may be a status name. */
    public String describe(String key, String arg, Locale locale) {
        if (key == null) {
            return "";
        }
        Object shown = arg;
        if (arg != null) {
            try {
                shown = status(ApplicationStatus.valueOf(arg), locale);
            } catch (IllegalArgumentException notAStatus) {
                shown = arg;
            }
        }
        return get(key, locale, shown);
    }
}
