package kr.kaesongcrossing.application;

import java.util.Locale;

/**
 * One declared goods line of a trip, as the gate checks it: {@code lineNo} is its place on the application (stable
 * once submitted), the category's names (null for a line declared before categories), the permit number if any, and
 * whether it comes back.
 */
public record DeclaredGoodsLine(int lineNo, String description, int quantity, String categoryCode,
        String categoryKo, String categoryEn, String permitNumber, boolean comesBack) {

    /** The category's name in the reader's language (Korean unless English), or null. */
    public String category(Locale locale) {
        return "en".equals(locale.getLanguage()) ? categoryEn : categoryKo;
    }
}
