package kr.kaesongcrossing.screening;

import static kr.kaesongcrossing.account.SignedIn.signedIn;
import static kr.kaesongcrossing.checkpoint.CheckpointFixtures.outcome;
import static kr.kaesongcrossing.checkpoint.CheckpointFixtures.scanRequest;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import kr.kaesongcrossing.account.AccountPrincipal;
import kr.kaesongcrossing.account.Role;
import kr.kaesongcrossing.account.TestAccounts;
import kr.kaesongcrossing.checkpoint.CheckpointFixtures;
import kr.kaesongcrossing.checkpoint.device.DeviceTokens;
import kr.kaesongcrossing.system.OfficeTime;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * A pass whose holder joins the watch list after approval, through the whole stack (H2, or MariaDB with
 * KC_TEST_DB=mysql): the list change flags the trip to the office without touching its approval, northbound scans
 * are refused WATCHLIST until an officer clears the match, and a listed holder inside gets out with the alert.
 */
@SpringBootTest
@AutoConfigureMockMvc
class WatchListGateTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    WatchList watchList;

    @Autowired
    DeviceTokens tokens;

    @Autowired
    TestAccounts accounts;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    PlatformTransactionManager transactions;

    CheckpointFixtures fixtures;
    String bearer;
    AccountPrincipal officer;
    final List<Long> entries = new ArrayList<>();

    @BeforeEach
    void setUp() {
        fixtures = new CheckpointFixtures(jdbc, events, transactions, accounts);
        bearer = CheckpointFixtures.deviceBearer(tokens, "watchlist-gate");
        officer = accounts.create(Role.OFFICER);
    }

    @AfterEach
    void removeEntries() {
        entries.forEach(watchList::remove);
    }

    @Test
    void shouldRefuseAPassListedAfterApprovalNorthboundUntilClearedAndLetTheHolderOutWithAnAlert() throws Exception {
        String name = uniqueKoreanName();
        CheckpointFixtures.IssuedPass pass = fixtures.pass(name);
        LocalDate today = OfficeTime.today(java.time.Clock.systemUTC());
        CheckpointFixtures.IssuedPass over = fixtures.pass(name, today.minusDays(9), today.minusDays(7));

        listed(name);

        assertThat(held(pass.applicationId())).isTrue();
        assertThat(held(over.applicationId())).as("a trip that is over is not screened again").isFalse();
        assertThat(jdbc.queryForObject("SELECT status FROM travel_application WHERE id = ?", String.class,
                pass.applicationId())).as("the approval stands").isEqualTo("APPROVED_FOR_TRAVEL");
        assertThat(page("/review")).contains("승인 뒤 감시 명단 일치 가능성", "/review/screening/" + pass.applicationId());
        assertThat(page("/review/screening/" + pass.applicationId())).contains("승인 뒤에 감시 명단에 오른", name);
        assertThat(scan(pass, "NORTHBOUND")).isEqualTo("WATCHLIST");

        long match = jdbc.queryForObject("SELECT id FROM screening_match WHERE application_id = ? AND status = 'OPEN'",
                Long.class, pass.applicationId());
        mvc.perform(post("/review/screening/" + pass.applicationId() + "/matches/" + match + "/clear")
                .with(signedIn(officer)).with(csrf()).param("reason", "동명이인, 여권 생년월일 다름"));

        assertThat(held(pass.applicationId())).isFalse();
        assertThat(page("/review")).doesNotContain("/review/screening/" + pass.applicationId());
        assertThat(scan(pass, "NORTHBOUND")).isEqualTo("ACCEPTED");

        listed(name); // listed again, from another source, while inside the zone

        assertThat(held(pass.applicationId())).isTrue();
        assertThat(scan(pass, "SOUTHBOUND")).isEqualTo("ALERT WATCHLIST");
    }

    private String scan(CheckpointFixtures.IssuedPass pass, String direction) throws Exception {
        return outcome(mvc.perform(scanRequest(bearer, pass.token(), null, direction, null)).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8));
    }

    private void listed(String korean) {
        entries.add(watchList.add(new WatchListForm(korean, null, null, null, "제재 대상", "통일부 통보",
                LocalDate.of(2026, 11, 20))).getId());
    }

    private boolean held(long applicationId) {
        return jdbc.queryForObject("SELECT watchlist_hold FROM travel_application WHERE id = ?", Boolean.class,
                applicationId);
    }

    private String page(String path) throws Exception {
        return mvc.perform(get(path).with(signedIn(officer))).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }

    private static String uniqueKoreanName() {
        StringBuilder name = new StringBuilder("테");
        for (int i = 0; i < 5; i++) {
            name.append((char) (0xAC00 + ThreadLocalRandom.current().nextInt(11172)));
        }
        return name.toString();
    }
}
