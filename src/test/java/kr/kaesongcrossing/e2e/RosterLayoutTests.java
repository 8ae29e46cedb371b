package kr.kaesongcrossing.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import kr.kaesongcrossing.account.AccountPrincipal;
import kr.kaesongcrossing.account.Role;
import kr.kaesongcrossing.account.TestAccounts;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The roster on the lane tablet and on a phone: the overstay badge (and any other badge) shows its whole text
 * at every width from 390 px up, in Korean and in English.
 */
@BrowserTest
class RosterLayoutTests {

    /** A badge whose text is wider or taller than its box, as "text (scroll x client)", for the failure message. */
    private static final String CLIPPED_BADGES = """
            return [...document.querySelectorAll('.krds-badge')]
                .filter(b => b.scrollWidth > b.clientWidth || b.scrollHeight > b.clientHeight)
                .map(b => b.textContent.trim() + ' (' + b.scrollWidth + 'x' + b.scrollHeight + ' in '
                          + b.clientWidth + 'x' + b.clientHeight + ')');
            """;

    @Autowired
    TestAccounts accounts;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    @JourneyName("roster-badges")
    void shouldShowTheWholeOverstayBadgeOnPhonesAndTablets(Journey journey) {
        String name = "배지" + UUID.randomUUID().toString().substring(0, 4);
        overstaying(name);
        AccountPrincipal officer = accounts.create(Role.CHECKPOINT);

        for (Viewport viewport : List.of(Viewport.PHONE, Viewport.SMALL_TABLET, Viewport.TABLET)) {
            Browser browser = journey.browser("checkpoint-" + viewport.width, viewport);
            browser.login(officer.email(), TestAccounts.PASSWORD);
            for (String language : List.of("ko", "en")) {
                browser.open("/checkpoint/roster?lang=" + language);
                assertThat(browser.pageText()).contains(name);
                // the officer swipes the table to its status column
                browser.driver().executeScript("document.querySelector('.krds-table-wrap').scrollLeft = 10000;");
                browser.snap("roster-" + viewport.width + "-" + language);
                @SuppressWarnings("unchecked")
                List<String> clipped = (List<String>) browser.driver().executeScript(CLIPPED_BADGES);
                assertThat(clipped).as("badges clipped at %d px in %s", viewport.width, language).isEmpty();
            }
            journey.close(browser);
        }
    }

    /** Someone inside whose pass ran out a minute ago and who was due back yesterday. */
    private void overstaying(String name) {
        long applicationId = ThreadLocalRandom.current().nextLong(1_000_000_000L, 2_000_000_000L);
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Seoul"));
        jdbc.update("""
                INSERT INTO pass_presence (pass_id, application_id, holder_name_korean, holder_name_latin, position,
                  since, visits, lane, valid_until) VALUES (?, ?, ?, 'OVERSTAY TEST', 'INSIDE', ?, 1, '1', ?)""",
                "p-" + UUID.randomUUID(), applicationId, name,
                LocalDateTime.ofInstant(Instant.now().minus(3, ChronoUnit.DAYS), ZoneOffset.UTC),
                LocalDateTime.ofInstant(Instant.now().minus(1, ChronoUnit.MINUTES), ZoneOffset.UTC));
        jdbc.update("INSERT INTO checkpoint_trip (application_id, reference, entry_date, return_date) VALUES (?,?,?,?)",
                applicationId, "KC-BADGE", today.minusDays(3), today.minusDays(1));
    }
}
