package kr.kaesongcrossing.application.model;

import java.util.Locale;
import kr.kaesongcrossing.application.ApplicationStatus;
import org.springframework.context.MessageSource;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.stereotype.Component;

/** Turns statuses, outcomes and field errors into sentences in the reader's language, for flash messages. */
@Component
public class ApplicationMessages {

    private final MessageSource messages;

    ApplicationMessages(MessageSource messages) {
        this.messages = messages;
    }

    public String get(String key, Locale locale, Object... args) {
        return messages.getMessage(key, args, locale);
    }

    public String get(MessageSourceResolvable message, Locale locale) {
        return messages.getMessage(message, locale);
    }

    public String status(ApplicationStatus status, Locale locale) {
        return get(status.label(), locale);
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
