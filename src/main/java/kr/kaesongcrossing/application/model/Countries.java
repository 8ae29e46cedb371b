package kr.kaesongcrossing.application.model;

import java.text.Collator;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** Nationalities as ISO 3166-1 alpha-3 codes, with names in the reader's language (from the JDK). */
public final class Countries {

    /** A choice in the nationality list. */
    record Country(String code, String name) {
    }

    private static final Map<String, String> ALPHA3_TO_ALPHA2 = new HashMap<>();

    static {
        for (String alpha2 : Locale.getISOCountries()) {
            ALPHA3_TO_ALPHA2.put(new Locale("", alpha2).getISO3Country(), alpha2);
        }
    }

    private Countries() {
    }

    public static boolean isKnown(String alpha3) {
        return alpha3 != null && ALPHA3_TO_ALPHA2.containsKey(alpha3);
    }

    static String name(String alpha3, Locale locale) {
        String alpha2 = alpha3 == null ? null : ALPHA3_TO_ALPHA2.get(alpha3);
        return alpha2 == null ? (alpha3 == null ? "" : alpha3) : new Locale("", alpha2).getDisplayCountry(locale);
    }

    /** Both Koreas first, then every other country sorted by its name in {@code locale}. */
    public static List<Country> all(Locale locale) {
        Set<String> first = Set.of("KOR", "PRK");
        Collator collator = Collator.getInstance(locale);
        List<Country> rest = new ArrayList<>();
        for (String alpha3 : ALPHA3_TO_ALPHA2.keySet()) {
            if (!first.contains(alpha3)) {
                rest.add(new Country(alpha3, name(alpha3, locale)));
            }
        }
        rest.sort(Comparator.comparing(Country::name, collator));
        List<Country> all = new ArrayList<>();
        all.add(new Country("KOR", name("KOR", locale)));
        all.add(new Country("PRK", name("PRK", locale)));
        all.addAll(rest);
        return all;
    }
}
