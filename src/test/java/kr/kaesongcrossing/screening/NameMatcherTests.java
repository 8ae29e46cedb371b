package kr.kaesongcrossing.screening;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import kr.kaesongcrossing.screening.NameMatcher.Person;
import org.junit.jupiter.api.Test;

/**
 * Name matching across scripts, measured on pairs built here from lists: the spellings are written out by hand (not
 * by the matcher's own romanisation), so the test measures the matcher and does not repeat it.
 */
class NameMatcherTests {

    /** Hangul, Revised Romanization, McCune-Reischauer (ASCII, with apostrophes), a usual passport spelling. */
    private static final String[][] SURNAMES = {
            {"김", "GIM", "KIM", "KIM"}, {"이", "I", "YI", "LEE"}, {"리", "RI", "RI", "RHEE"},
            {"박", "BAK", "PAK", "PARK"}, {"최", "CHOE", "CH'OE", "CHOI"}, {"정", "JEONG", "CHONG", "CHUNG"},
            {"강", "GANG", "KANG", "KANG"}, {"조", "JO", "CHO", "CHO"}, {"윤", "YUN", "YUN", "YOON"},
            {"장", "JANG", "CHANG", "CHANG"}, {"한", "HAN", "HAN", "HAN"}, {"신", "SIN", "SIN", "SHIN"}};

    private static final String[][] GIVEN = {
            {"철수", "CHEOLSU", "CH'OLSU", "CHUL SOO"}, {"영희", "YEONGHUI", "YONGHUI", "YOUNG HEE"},
            {"민호", "MINHO", "MINHO", "MIN HO"}, {"은주", "EUNJU", "UNJU", "EUN JOO"},
            {"정은", "JEONGEUN", "CHONGUN", "JUNG EUN"}, {"설주", "SEOLJU", "SOLCHU", "SUL JOO"},
            {"지훈", "JIHUN", "CHIHUN", "JI HOON"}, {"수진", "SUJIN", "SUJIN", "SOO JIN"},
            {"현우", "HYEONU", "HYONU", "HYUN WOO"}, {"서연", "SEOYEON", "SOYON", "SEO YUN"},
            {"동현", "DONGHYEON", "TONGHYON", "DONG HYUN"}, {"지은", "JIEUN", "CHIUN", "JI EUN"},
            {"성민", "SEONGMIN", "SONGMIN", "SUNG MIN"}, {"혜진", "HYEJIN", "HYEJIN", "HYE JIN"},
            {"준호", "JUNHO", "CHUNHO", "JOON HO"}, {"미경", "MIGYEONG", "MIGYONG", "MI KYUNG"},
            {"광철", "GWANGCHEOL", "KWANGCH'OL", "KWANG CHUL"}, {"명희", "MYEONGHUI", "MYONGHUI", "MYUNG HEE"},
            {"태용", "TAEYONG", "T'AEYONG", "TAE YONG"}, {"경호", "GYEONGHO", "KYONGHO", "KYUNG HO"}};

    private static final LocalDate BIRTH = LocalDate.of(1971, 4, 15);

    record Pair(String kind, Person traveller, Person listed) {
    }

    @Test
    void shouldFindTheSamePersonAcrossScriptsAndRomanisationsWithHighPrecisionAndRecall() {
        List<Pair> same = new ArrayList<>();
        List<Pair> different = new ArrayList<>();
        for (int s = 0; s < SURNAMES.length; s++) {
            for (int g = 0; g < GIVEN.length; g++) {
                String[] sur = SURNAMES[s];
                String[] giv = GIVEN[g];
                String hangul = sur[0] + giv[0];
                LocalDate birth = BIRTH.plusDays(s * 31L + g);
                same.add(switch ((s + g) % 6) {
                    case 0 -> new Pair("hangul vs passport", person(hangul, null, birth),
                            person(null, sur[3] + " " + giv[3], birth));
                    case 1 -> new Pair("MR western order vs spaced hangul", person(sur[0] + " " + giv[0], null, null),
                            person(null, giv[2] + " " + sur[2], birth));
                    case 2 -> new Pair("RR vs passport with a typo", person(null, sur[1] + " " + giv[1], birth),
                            person(null, sur[3] + " " + typo(giv[3]), birth));
                    case 3 -> new Pair("hangul vs spaced hangul", person(sur[0] + " " + giv[0], null, birth),
                            person(hangul, null, null));
                    case 4 -> new Pair("passport vs RR, no birth", person(null, sur[3] + ", " + giv[3], null),
                            person(null, sur[1] + " " + giv[1], null));
                    default -> new Pair("hyphenated MR vs hangul", person(null, sur[2] + " " + hyphenated(giv[2]),
                            birth), person(hangul, sur[3] + " " + giv[3], birth));
                });
                String[] otherGiven = GIVEN[(g + 7) % GIVEN.length];
                String[] otherSurname = SURNAMES[(s + 5) % SURNAMES.length];
                different.add(switch ((s + g) % 3) {
                    case 0 -> new Pair("same surname, other given name", person(hangul, null, null),
                            person(null, sur[3] + " " + otherGiven[3], birth));
                    case 1 -> new Pair("other surname, same given name", person(null, sur[1] + " " + giv[1], null),
                            person(otherSurname[0] + giv[0], null, null));
                    default -> new Pair("same name, other birth date", person(hangul, null, birth),
                            person(null, sur[3] + " " + giv[3], birth.plusYears(3)));
                });
            }
        }
        // as screening does: every listed person in one index, a traveller compared only with its candidates
        NameMatcher.Index<Pair> index = new NameMatcher.Index<>();
        same.forEach(pair -> index.add(pair, NameMatcher.key(pair.listed())));
        different.forEach(pair -> index.add(pair, NameMatcher.key(pair.listed())));
        Predicate<Pair> matched = pair -> index.candidates(NameMatcher.key(pair.traveller())).stream()
                .anyMatch(c -> c.item() == pair && NameMatcher.match(NameMatcher.key(pair.traveller()), c.key())
                        .isPresent());
        int truePositives = 0;
        List<Pair> missed = new ArrayList<>();
        for (Pair pair : same) {
            if (matched.test(pair)) {
                truePositives++;
            } else {
                missed.add(pair);
            }
        }
        List<Pair> falseAlarms = different.stream()
                .filter(matched).toList();
        double recall = (double) truePositives / same.size();
        double precision = (double) truePositives / (truePositives + falseAlarms.size());
        long compared = same.stream().mapToLong(pair -> index.candidates(NameMatcher.key(pair.traveller())).size())
                .sum();
        System.out.printf("Blocking: %.1f candidates a traveller of %d listed%n", (double) compared / same.size(),
                same.size() + different.size());
        System.out.printf("Name matching: %d matching pairs, %d non-matching pairs; recall %.3f, precision %.3f%n",
                same.size(), different.size(), recall, precision);
        missed.forEach(pair -> System.out.println("  missed: " + pair));
        falseAlarms.forEach(pair -> System.out.println("  false alarm: " + pair));

        assertThat(same).hasSizeGreaterThanOrEqualTo(200);
        assertThat(different).hasSizeGreaterThanOrEqualTo(200);
        assertThat(recall).as("as without blocking").isGreaterThanOrEqualTo(0.98);
        assertThat(precision).isGreaterThanOrEqualTo(0.95);
    }

    @Test
    void shouldSayWhichReadingsMetAndHowClose() {
        var match = NameMatcher.match(person("김철수", null, BIRTH), person(null, "KIM CHUL SOO", BIRTH));

        assertThat(match).hasValueSatisfying(m -> {
            assertThat(m.listedReading()).isEqualTo("KIM CHUL SOO");
            assertThat(m.travellerReading()).containsIgnoringCase("CH");
            assertThat(m.similarity()).isGreaterThan(0.9);
            assertThat(m.sameBirthDate()).isTrue();
        });
    }

    @Test
    void shouldNormaliseTheUsualSurnameVariants() {
        for (String variant : List.of("GIM", "KIM")) {
            assertThat(NameMatcher.match(person(null, variant + " MINHO", null), person("김민호", null, null)))
                    .as(variant).isPresent();
        }
        for (String variant : List.of("LEE", "YI", "RHEE", "RI")) {
            assertThat(NameMatcher.match(person(null, variant + " MINHO", null), person("이민호", null, null)))
                    .as(variant).isPresent();
        }
        for (String variant : List.of("PARK", "PAK", "BAK")) {
            assertThat(NameMatcher.match(person(null, variant + " MINHO", null), person("박민호", null, null)))
                    .as(variant).isPresent();
        }
        assertThat(NameMatcher.match(person(null, "PARK MINHO", null), person("김민호", null, null))).isEmpty();
    }

    @Test
    void shouldOfferAsCandidatesOnlyTheListedPeopleWhoCouldMatch() {
        NameMatcher.Index<String> index = new NameMatcher.Index<>();
        index.add("same birth, other name", NameMatcher.key(person("박영수", null, BIRTH)));
        index.add("other birth", NameMatcher.key(person("김민호", null, BIRTH.plusDays(1))));
        index.add("no birth, slip in the first letter", NameMatcher.key(person(null, "KIM NINHO", null)));
        index.add("no birth, surname spelt past recognition", NameMatcher.key(person(null, "KHIEM MINHO", null)));
        index.add("no birth, other name", NameMatcher.key(person("최정은", null, null)));

        List<String> candidates = index.candidates(NameMatcher.key(person("김민호", null, BIRTH))).stream()
                .map(NameMatcher.Index.Listed::item).sorted().toList();

        assertThat(candidates).containsExactly("no birth, slip in the first letter",
                "no birth, surname spelt past recognition", "same birth, other name");
    }

    @Test
    void shouldNotMatchOnNamesAloneWithoutAGivenName() {
        assertThat(NameMatcher.match(person("김", null, null), person(null, "KIM", null))).isEmpty();
        assertThat(NameMatcher.match(person(null, null, BIRTH), person(null, null, BIRTH))).isEmpty();
    }

    private static Person person(String korean, String latin, LocalDate birth) {
        return new Person(korean, latin, birth);
    }

    /** One letter in the middle of the given name replaced by its neighbour in the alphabet. */
    private static String typo(String given) {
        int at = given.length() / 2;
        if (!Character.isLetter(given.charAt(at))) {
            at++;
        }
        char c = given.charAt(at);
        return given.substring(0, at) + (char) (c == 'Z' ? 'Y' : c + 1) + given.substring(at + 1);
    }

    private static String hyphenated(String given) {
        return given.length() > 4 ? given.substring(0, given.length() / 2) + "-" + given.substring(given.length() / 2)
                : given;
    }
}
