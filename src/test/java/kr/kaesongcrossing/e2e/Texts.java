package kr.kaesongcrossing.e2e;

import java.util.Locale;
import org.springframework.context.MessageSource;

/**
 * The words a person reads on screen in one language, from the app's own message bundles, so a journey clicks
 * "제출하기" or "Submit" as shown rather than an element id, and keeps working when wording is polished.
 */
public final class Texts {

    private final MessageSource messages;
    private final Locale locale;

    private Texts(MessageSource messages, Locale locale) {
        this.messages = messages;
        this.locale = locale;
    }

    public static Texts korean(MessageSource messages) {
        return new Texts(messages, Locale.KOREAN);
    }

    public static Texts english(MessageSource messages) {
        return new Texts(messages, Locale.ENGLISH);
    }

    public String get(String key, Object... args) {
        return messages.getMessage(key, args, locale);
    }

    public String language() {
        return locale.getLanguage();
    }
}
