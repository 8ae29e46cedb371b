package kr.kaesongcrossing.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;
import java.util.Properties;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * One vocabulary for the two directions, the Ministry of Unification's (docs/checkpoint.md): going north into the
 * Kaesong zone (Direction.NORTHBOUND) is 출경, "northbound"; coming back south (Direction.SOUTHBOUND) is 입경, "southbound".
 * The checkpoint once said it the other way round, so an officer read the station, roster and log backwards.
 */
class DirectionWordsTests {

    /** Messages that name the lane's direction or the decision for it, one per Direction. */
    private static final List<String> PER_DIRECTION = List.of("checkpoint.direction.", "checkpoint.direction.long.",
            "checkpoint.verdict.ACCEPTED.", "checkpoint.accepted.");

    /** Korean phrases that only make sense with 입경 and 출경 swapped (입경 meaning "into the zone"). */
    private static final List<String> REVERSED_KOREAN = List.of("구역으로 입경", "구역에서 출경", "이미 입경",
            "입경 상태", "입경한 것으로", "입경 시각", "입경 이후 출경", "출경 전에 입경");

    /** English direction words the crossing does not use: it says northbound and southbound. */
    private static final Pattern ENTRY_EXIT_WORDS = Pattern.compile("(?i)\\b(entry|entries|exit|exits|leave)\\b");

    @Test
    void shouldSayChulgyeongNorthboundAndIpgyeongSouthboundInKorean() throws IOException {
        Properties ko = MessagesTests.load("messages_ko.properties");
        for (String prefix : PER_DIRECTION) {
            assertThat(ko.getProperty(prefix + "NORTHBOUND")).as(prefix + "NORTHBOUND").contains("출경").doesNotContain("입경");
            assertThat(ko.getProperty(prefix + "SOUTHBOUND")).as(prefix + "SOUTHBOUND").contains("입경").doesNotContain("출경");
        }
        assertThat(ko.getProperty("checkpoint.direction.long.NORTHBOUND")).contains("북행");
        assertThat(ko.getProperty("checkpoint.direction.long.SOUTHBOUND")).contains("남행");
        assertThat(ko.getProperty("checkpoint.reason.ALREADY_INSIDE")).startsWith("이미 출경");
        assertThat(ko.getProperty("checkpoint.reason.short.ALREADY_INSIDE")).startsWith("이미 출경");
        assertThat(ko.getProperty("checkpoint.reason.short.NOT_INSIDE")).isEqualTo("출경 기록 없음");
        assertThat(ko.getProperty("checkpoint.advice.ALREADY_INSIDE")).contains("입경 스캔이 누락");
        assertThat(ko.getProperty("checkpoint.advice.NOT_INSIDE")).contains("출경 스캔이 누락");
        assertThat(ko.getProperty("checkpoint.roster.col.since")).contains("출경");
        assertThat(ko.getProperty("checkpoint.roster.col.plannedReturn")).contains("입경");
    }

    @Test
    void shouldUseTheSameWordsOnTheApplicationAsAtTheCheckpoint() throws IOException {
        Properties ko = MessagesTests.load("messages_ko.properties");
        assertThat(ko.getProperty("application.field.entryDate")).contains("출경").doesNotContain("입경");
        assertThat(ko.getProperty("application.field.returnDate")).contains("입경").doesNotContain("출경");
        assertThat(ko.getProperty("notification.mail.trip")).matches(".*\\{0} 출경.*\\{1} 입경.*");
    }

    @Test
    void shouldNeverSayIpgyeongForGoingIntoTheZone() throws IOException {
        Properties ko = MessagesTests.load("messages_ko.properties");
        for (String key : ko.stringPropertyNames()) {
            String value = ko.getProperty(key);
            for (String reversed : REVERSED_KOREAN) {
                assertThat(value).as("ko " + key).doesNotContain(reversed);
            }
        }
    }

    @Test
    void shouldSayNorthboundAndSouthboundInEnglish() throws IOException {
        Properties en = MessagesTests.load("messages_en.properties");
        for (String prefix : PER_DIRECTION) {
            assertThat(en.getProperty(prefix + "NORTHBOUND")).as(prefix + "NORTHBOUND").containsIgnoringCase("northbound")
                    .doesNotContainIgnoringCase("southbound");
            assertThat(en.getProperty(prefix + "SOUTHBOUND")).as(prefix + "SOUTHBOUND").containsIgnoringCase("southbound")
                    .doesNotContainIgnoringCase("northbound");
        }
        for (String key : en.stringPropertyNames()) {
            if (key.startsWith("checkpoint.") || key.startsWith("home.checkpoint.")) {
                assertThat(ENTRY_EXIT_WORDS.matcher(en.getProperty(key)).find()).as("en " + key + " says entry/exit: "
                        + en.getProperty(key)).isFalse();
            }
        }
    }
}
