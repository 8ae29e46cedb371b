package kr.kaesongcrossing.screening;

import java.time.LocalDate;
import java.util.Random;

/**
 * Korean names for the screening benchmarks, built from surname and syllable lists with their usual passport
 * spellings: surnames as often as in the population (about one in five is a Kim), given names of two syllables.
 * Seeded, so every run screens the same people.
 */
final class SyntheticPeople {

    /** Hangul, passport spelling, weight in tenths of a percent of the population (roughly). */
    private static final Object[][] SURNAMES = {
            {"김", "KIM", 215}, {"이", "LEE", 147}, {"박", "PARK", 84}, {"최", "CHOI", 47}, {"정", "JUNG", 43},
            {"강", "KANG", 24}, {"조", "CHO", 21}, {"윤", "YOON", 21}, {"장", "JANG", 20}, {"임", "LIM", 17},
            {"한", "HAN", 15}, {"오", "OH", 15}, {"서", "SEO", 15}, {"신", "SHIN", 14}, {"권", "KWON", 14},
            {"황", "HWANG", 14}, {"안", "AHN", 13}, {"송", "SONG", 13}, {"류", "RYU", 12}, {"전", "JEON", 11},
            {"홍", "HONG", 11}, {"고", "KO", 9}, {"문", "MOON", 9}, {"양", "YANG", 9}, {"손", "SON", 9},
            {"배", "BAE", 8}, {"백", "BAEK", 8}, {"허", "HEO", 6}, {"남", "NAM", 6}, {"노", "NOH", 6}};

    private static final String[][] SYLLABLES = {
            {"민", "MIN"}, {"준", "JUN"}, {"서", "SEO"}, {"연", "YEON"}, {"지", "JI"}, {"우", "WOO"},
            {"현", "HYUN"}, {"수", "SOO"}, {"영", "YOUNG"}, {"호", "HO"}, {"진", "JIN"}, {"은", "EUN"},
            {"하", "HA"}, {"윤", "YOON"}, {"성", "SUNG"}, {"경", "KYUNG"}, {"철", "CHUL"}, {"희", "HEE"},
            {"동", "DONG"}, {"혜", "HYE"}, {"재", "JAE"}, {"상", "SANG"}, {"태", "TAE"}, {"정", "JUNG"},
            {"승", "SEUNG"}, {"주", "JOO"}, {"원", "WON"}, {"도", "DO"}, {"예", "YE"}, {"나", "NA"},
            {"유", "YU"}, {"광", "KWANG"}, {"명", "MYUNG"}, {"용", "YONG"}, {"석", "SEOK"}, {"혁", "HYUK"},
            {"훈", "HOON"}, {"규", "KYU"}, {"빈", "BIN"}, {"아", "AH"}, {"소", "SO"}, {"미", "MI"},
            {"선", "SUN"}, {"옥", "OK"}, {"향", "HYANG"}, {"일", "IL"}, {"남", "NAM"}, {"순", "SOON"},
            {"길", "GIL"}, {"학", "HAK"}, {"범", "BUM"}, {"찬", "CHAN"}, {"형", "HYUNG"}, {"건", "GUN"},
            {"기", "KI"}, {"혼", "HON"}, {"란", "RAN"}, {"숙", "SOOK"}, {"환", "HWAN"}, {"식", "SIK"}};

    private static final int TOTAL_WEIGHT = total();
    private static final LocalDate OLDEST = LocalDate.of(1945, 1, 1);
    private static final int BIRTH_DAYS = 60 * 365;

    /** A person: names in both scripts, date of birth, a stand-in for the ID number's keyed hash. */
    record Person(String nameKorean, String nameLatin, LocalDate dateOfBirth, String idNumberHash) {
    }

    private final Random random;

    SyntheticPeople(long seed) {
        this.random = new Random(seed);
    }

    /** An applicant: both names, a date of birth and an ID number, as the application form asks. */
    Person applicant() {
        return person(true, true, true, true);
    }

    /**
     * A watch-list entry: Hangul only, Latin only or both; a date of birth nine times in ten, an ID number three
     * times in ten.
     */
    Person listed() {
        int scripts = random.nextInt(5);
        return person(scripts != 1, scripts != 0, random.nextInt(10) < 9, random.nextInt(10) < 3);
    }

    private Person person(boolean hangul, boolean latin, boolean birth, boolean idNumber) {
        Object[] surname = surname();
        String[] first = SYLLABLES[random.nextInt(SYLLABLES.length)];
        String[] second = SYLLABLES[random.nextInt(SYLLABLES.length)];
        String given = switch (random.nextInt(3)) {
            case 0 -> first[1] + " " + second[1];
            case 1 -> first[1] + second[1];
            default -> first[1] + "-" + second[1];
        };
        return new Person(hangul ? surname[0] + first[0] + second[0] : null,
                latin ? surname[1] + " " + given : null,
                birth ? OLDEST.plusDays(random.nextInt(BIRTH_DAYS)) : null,
                idNumber ? Long.toHexString(random.nextLong()) : null);
    }

    private Object[] surname() {
        int pick = random.nextInt(TOTAL_WEIGHT);
        for (Object[] surname : SURNAMES) {
            pick -= (int) surname[2];
            if (pick < 0) {
                return surname;
            }
        }
        return SURNAMES[0];
    }

    private static int total() {
        int total = 0;
        for (Object[] surname : SURNAMES) {
            total += (int) surname[2];
        }
        return total;
    }
}
