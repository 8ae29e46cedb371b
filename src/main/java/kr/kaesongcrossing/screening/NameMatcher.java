package kr.kaesongcrossing.screening;

import com.ibm.icu.text.Transliterator;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.commons.text.similarity.JaroWinklerSimilarity;

/**
 * Whether a traveller may be a person on the watch list, by name across scripts and date of birth; no I/O.
 *
 * <p>A Hangul name is split into surname and given name and romanised in both systems in use: Revised Romanization
 * (ICU's {@code Hangul-Latin}) and McCune-Reischauer (ICU's {@code Korean-Latin/BGN}, the BGN/PCGN form, which
 * needs decomposed input and one word at a time: inside a word it drops syllables that start with ㅇ). A Latin name
 * may be in Korean order or Western order (only the one a known surname stands in, when it stands at one end
 * only). Surnames are compared by their usual variants (KIM/GIM, LEE/YI/RHEE/RI...; unknown ones also by
 * Jaro-Winkler), given names by Jaro-Winkler after folding the spellings that differ between romanisations
 * and passports (EO/O/U, voiced/voiceless consonants, R/L, doubled vowels). Two known dates of birth that differ
 * rule a match out; an equal one lets a weaker name similarity count.
 *
 * <p>Screening many travellers against a long list goes through an {@link Index}, which compares each traveller
 * only with the entries that could match at all.
 */
public final class NameMatcher {

    /** Given-name similarity needed when a date of birth is missing on either side. */
    public static final double THRESHOLD_WITHOUT_BIRTH = 0.93;
    /** Given-name similarity needed when both dates of birth are known and equal. */
    public static final double THRESHOLD_WITH_BIRTH = 0.86;

    /** Surnames written in Hangul and their usual Latin spellings, by one canonical key. */
    private static final Map<String, List<String>> SURNAMES = Map.ofEntries(
            Map.entry("KIM", List.of("김", "KIM", "GIM", "KYM")),
            Map.entry("LEE", List.of("이", "리", "LEE", "YI", "RHEE", "RI", "LI", "YEE", "I", "RHIE", "LIE")),
            Map.entry("PARK", List.of("박", "PARK", "PAK", "BAK", "BARK", "PAHK")),
            Map.entry("CHOI", List.of("최", "CHOI", "CHOE", "CHOY", "CHWE")),
            Map.entry("JEONG", List.of("정", "JEONG", "JUNG", "CHUNG", "CHONG", "JOUNG", "CHEONG")),
            Map.entry("KANG", List.of("강", "KANG", "GANG")),
            Map.entry("CHO", List.of("조", "CHO", "JO", "CHOH")),
            Map.entry("YOON", List.of("윤", "YOON", "YUN", "YOUN")),
            Map.entry("JANG", List.of("장", "JANG", "CHANG")),
            Map.entry("LIM", List.of("임", "림", "LIM", "IM", "RIM", "YIM")),
            Map.entry("HAN", List.of("한", "HAN")),
            Map.entry("OH", List.of("오", "OH", "O")),
            Map.entry("SEO", List.of("서", "SEO", "SUH", "SO")),
            Map.entry("SHIN", List.of("신", "SHIN", "SIN")),
            Map.entry("KWON", List.of("권", "KWON", "GWON")),
            Map.entry("HWANG", List.of("황", "HWANG")),
            Map.entry("AHN", List.of("안", "AHN", "AN")),
            Map.entry("SONG", List.of("송", "SONG")),
            Map.entry("YU", List.of("유", "류", "YU", "YOO", "YOU", "RYU", "RYOO", "LYU")),
            Map.entry("JEON", List.of("전", "JEON", "JUN", "CHUN", "CHON", "JEUN")),
            Map.entry("HONG", List.of("홍", "HONG")),
            Map.entry("KO", List.of("고", "KO", "KOH", "GO", "GOH")),
            Map.entry("MOON", List.of("문", "MOON", "MUN")),
            Map.entry("YANG", List.of("양", "YANG", "RYANG")),
            Map.entry("SON", List.of("손", "SON", "SOHN")),
            Map.entry("BAE", List.of("배", "BAE", "PAE")),
            Map.entry("BAEK", List.of("백", "BAEK", "PAIK", "PAEK", "BAIK")),
            Map.entry("HEO", List.of("허", "HEO", "HUH", "HO")),
            Map.entry("NAM", List.of("남", "NAM")),
            Map.entry("NOH", List.of("노", "로", "NOH", "NO", "ROH", "RO")),
            Map.entry("KWAK", List.of("곽", "KWAK", "GWAK")),
            Map.entry("SUNG", List.of("성", "SUNG", "SEONG")),
            Map.entry("JOO", List.of("주", "JOO", "JU", "CHU")),
            Map.entry("JIN", List.of("진", "JIN", "CHIN")),
            Map.entry("EOM", List.of("엄", "EOM", "UM", "OM")),
            Map.entry("CHAE", List.of("채", "CHAE")),
            Map.entry("HYUN", List.of("현", "HYUN", "HYEON", "HYON")));

    private static final Map<String, String> CANONICAL_SURNAME = canonicalSurnames();
    private static final Set<String> DOUBLE_SURNAMES = Set.of("남궁", "제갈", "선우", "황보", "독고", "사공", "서문");
    private static final Pattern HANGUL = Pattern.compile("[\\p{IsHangul}\\s]+");
    private static final Pattern NOT_LETTER = Pattern.compile("[^A-Z]");
    private static final String[][] FOLDS = {
            {"OO", "U"}, {"OU", "U"}, {"EE", "I"}, {"EO", "U"}, {"EU", "U"}, {"UI", "I"}, {"O", "U"}, {"WU", "U"},
            {"SH", "S"}, {"R", "L"}, {"G", "K"}, {"D", "T"}, {"B", "P"}, {"J", "CH"}, {"F", "P"}};

    private static final JaroWinklerSimilarity SIMILARITY = new JaroWinklerSimilarity();
    // ICU transliterators are not documented as thread-safe: every use is synchronised on the instance
    private static final Transliterator REVISED = Transliterator.getInstance("Hangul-Latin; Latin-ASCII");
    private static final Transliterator MCCUNE = Transliterator.getInstance("NFD; Korean-Latin/BGN; NFC; Latin-ASCII");

    private NameMatcher() {
    }

    /** A person as the matcher sees them: either name may be missing, as may the date of birth. */
    public record Person(String nameKorean, String nameLatin, LocalDate dateOfBirth) {
    }

    /** The readings of a person's names, computed once (an entry is compared with many travellers). */
    public record Key(Set<Reading> readings, LocalDate dateOfBirth) {
    }

    /** One reading of a name: canonical surname and folded given name, with how it was written for the officer. */
    public record Reading(String surname, String given, String shown) {
    }

    /**
     * Why two people may be the same: the two readings that met, the similarity of the given names (0..1) and
     * whether both dates of birth were known and equal.
     */
    public record Match(String travellerReading, String listedReading, double similarity, boolean sameBirthDate) {
    }

    /** The readings of a person, for {@link #match(Key, Key)}. */
    public static Key key(Person person) {
        Set<Reading> readings = new LinkedHashSet<>();
        if (person.nameKorean() != null && !person.nameKorean().isBlank()
                && HANGUL.matcher(person.nameKorean()).matches()) {
            hangulReadings(person.nameKorean(), readings);
        }
        if (person.nameLatin() != null && !person.nameLatin().isBlank()) {
            latinReadings(person.nameLatin(), readings);
        }
        // the romanisations often meet once folded: one reading each (the first, for the officer) halves the work
        Map<String, Reading> distinct = new LinkedHashMap<>();
        readings.forEach(r -> distinct.putIfAbsent(r.surname() + ' ' + r.given(), r));
        return new Key(Set.copyOf(distinct.values()), person.dateOfBirth());
    }

    /** Whether the traveller may be the listed person, and why; empty when not. */
    public static Optional<Match> match(Person traveller, Person listed) {
        return match(key(traveller), key(listed));
    }

    /** As {@link #match(Person, Person)}, on readings computed beforehand. */
    public static Optional<Match> match(Key traveller, Key listed) {
        boolean bothBirths = traveller.dateOfBirth() != null && listed.dateOfBirth() != null;
        if (bothBirths && !traveller.dateOfBirth().equals(listed.dateOfBirth())) {
            return Optional.empty();
        }
        double threshold = bothBirths ? THRESHOLD_WITH_BIRTH : THRESHOLD_WITHOUT_BIRTH;
        Match best = null;
        for (Reading a : traveller.readings()) {
            for (Reading b : listed.readings()) {
                if (!sameSurname(a.surname(), b.surname())) {
                    continue;
                }
                double similarity = a.given().equals(b.given()) ? 1.0 : SIMILARITY.apply(a.given(), b.given());
                if (similarity >= threshold && (best == null || similarity > best.similarity())) {
                    best = new Match(a.shown(), b.shown(), similarity, bothBirths);
                }
            }
        }
        return Optional.ofNullable(best);
    }

    /**
     * Listed people, indexed so that a traveller is compared only with the entries that could match (blocking), not
     * with the whole list. An entry is a candidate when it has the traveller's date of birth, or when a reading of
     * both shares a surname and one of the first two letters of the given name (a slip in either letter still
     * meets), or the whole given name (a surname spelt past recognition). Nothing that {@link #match} could accept
     * is left out but a name wrong in its surname and in both first letters of its given name at once, without
     * the same date of birth: with two known dates that differ there is no match anyway. Not thread-safe to build;
     * read-only afterwards.
     *
     * @param <T> what the caller keeps with each listed person (the entry)
     */
    public static final class Index<T> {

        /** A listed person with their readings. */
        public record Listed<T>(T item, Key key) {
        }

        private final Map<String, List<Listed<T>>> byName = new HashMap<>();
        private final Map<LocalDate, List<Listed<T>>> byBirth = new HashMap<>();

        public void add(T item, Key key) {
            Listed<T> listed = new Listed<>(item, key);
            if (key.dateOfBirth() != null) {
                byBirth.computeIfAbsent(key.dateOfBirth(), date -> new ArrayList<>()).add(listed);
            }
            for (String block : blocks(key)) {
                byName.computeIfAbsent(block, b -> new ArrayList<>()).add(listed);
            }
        }

        /** The listed people the traveller may be, each once; {@link #match} decides. */
        public Collection<Listed<T>> candidates(Key traveller) {
            Set<Listed<T>> found = Collections.newSetFromMap(new IdentityHashMap<>());
            LocalDate birth = traveller.dateOfBirth();
            if (birth != null) {
                found.addAll(byBirth.getOrDefault(birth, List.of()));
            }
            for (String block : blocks(traveller)) {
                for (Listed<T> listed : byName.getOrDefault(block, List.of())) {
                    // with both dates known, only the same one can match, and those came by date already
                    if (birth == null || listed.key().dateOfBirth() == null) {
                        found.add(listed);
                    }
                }
            }
            return found;
        }

        private static Set<String> blocks(Key key) {
            Set<String> blocks = new HashSet<>();
            for (Reading reading : key.readings()) {
                String given = reading.given();
                for (int i = 0; i < Math.min(2, given.length()); i++) {
                    blocks.add(reading.surname() + ' ' + given.charAt(i));
                }
                blocks.add("=" + given);
            }
            return blocks;
        }
    }

    /** Two known surnames are the same only by their variants (JEON is not JEONG); the others also when close. */
    private static boolean sameSurname(String a, String b) {
        return a.equals(b) || (a.length() > 2 && b.length() > 2
                && !(SURNAMES.containsKey(a) && SURNAMES.containsKey(b)) && SIMILARITY.apply(a, b) >= 0.9);
    }

    private static void hangulReadings(String name, Set<Reading> readings) {
        String[] words = name.strip().split("\\s+");
        String joined = String.join("", words);
        if (joined.length() < 2) {
            return;
        }
        // written with a space, the first word is the surname; else one syllable, or two for the double surnames
        int surnameLength = words.length > 1 ? words[0].length()
                : joined.length() > 3 && DOUBLE_SURNAMES.contains(joined.substring(0, 2)) ? 2 : 1;
        String surname = joined.substring(0, surnameLength);
        String given = joined.substring(surnameLength);
        if (given.isEmpty()) {
            return;
        }
        String canonical = CANONICAL_SURNAME.get(surname);
        for (Transliterator system : List.of(REVISED, MCCUNE)) {
            String surnameLatin = romanise(system, surname);
            String givenLatin = romanise(system, given);
            readings.add(new Reading(canonical != null ? canonical : fold(surnameLatin), fold(givenLatin),
                    surnameLatin + " " + givenLatin));
        }
    }

    private static String romanise(Transliterator system, String hangul) {
        String latin;
        synchronized (system) {
            latin = system.transliterate(hangul);
        }
        return latin.toUpperCase(Locale.ROOT);
    }

    private static void latinReadings(String name, Set<Reading> readings) {
        List<String> words = new ArrayList<>();
        for (String word : name.toUpperCase(Locale.ROOT).split("[\\s,]+")) {
            String letters = NOT_LETTER.matcher(word.replace("-", "")).replaceAll("");
            if (!letters.isEmpty()) {
                words.add(letters);
            }
        }
        if (words.size() < 2) {
            if (words.size() == 1 && words.get(0).length() > 3) {
                // written as one word: the surname is the longest known spelling it starts with
                String word = words.get(0);
                for (int length = Math.min(5, word.length() - 2); length >= 1; length--) {
                    String canonical = CANONICAL_SURNAME.get(word.substring(0, length));
                    if (canonical != null) {
                        readings.add(new Reading(canonical, fold(word.substring(length)), name.strip()));
                        return;
                    }
                }
            }
            return;
        }
        String shown = String.join(" ", words);
        // Korean order (surname first) and Western order (surname last); when only one end is a known surname,
        // that order alone (else a given name read as a surname would meet every namesake's)
        boolean korean = CANONICAL_SURNAME.containsKey(words.get(0));
        boolean western = CANONICAL_SURNAME.containsKey(words.get(words.size() - 1));
        if (korean || !western) {
            readings.add(new Reading(surname(words.get(0)), fold(String.join("", words.subList(1, words.size()))),
                    shown));
        }
        if (western || !korean) {
            readings.add(new Reading(surname(words.get(words.size() - 1)),
                    fold(String.join("", words.subList(0, words.size() - 1))), shown));
        }
    }

    private static String surname(String latin) {
        String canonical = CANONICAL_SURNAME.get(latin);
        return canonical != null ? canonical : fold(latin);
    }

    /** One spelling for the sounds that romanisations and passports write differently. */
    static String fold(String latin) {
        String s = NOT_LETTER.matcher(latin.toUpperCase(Locale.ROOT)).replaceAll("");
        for (String[] rule : FOLDS) {
            s = s.replace(rule[0], rule[1]);
        }
        StringBuilder single = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            if (i == 0 || s.charAt(i) != s.charAt(i - 1)) {
                single.append(s.charAt(i));
            }
        }
        return single.toString();
    }

    private static Map<String, String> canonicalSurnames() {
        Map<String, String> canonical = new java.util.HashMap<>();
        SURNAMES.forEach((key, spellings) -> spellings.forEach(spelling -> canonical.put(spelling, key)));
        return Map.copyOf(canonical);
    }
}
