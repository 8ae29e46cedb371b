package kr.kaesongcrossing.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import kr.kaesongcrossing.account.AccountPrincipal;
import kr.kaesongcrossing.account.Role;
import kr.kaesongcrossing.account.TestAccounts;
import kr.kaesongcrossing.checkpoint.CheckpointFixtures;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Live numbers, in two windows: a supervisor keeps the roster open while a lane officer scans a pass at the zone
 * gate; the roster's "inside" count goes up within 2 seconds without a reload, and the note says the list itself
 * needs one.
 */
@BrowserTest
class LiveNumbersJourneyTests {

    @Autowired
    TestAccounts accounts;

    @Autowired
    MessageSource messages;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    PlatformTransactionManager transactions;

    @Test
    @JourneyName("live-numbers-ko")
    void shouldCountAScanOnAnotherLaneOnTheOpenRosterWithinTwoSeconds(Journey journey) {
        Texts ko = Texts.korean(messages);
        CheckpointFixtures.IssuedPass pass = new CheckpointFixtures(jdbc, events, transactions, accounts)
                .pass("실시간");

        AccountPrincipal supervisorAccount = accounts.create(Role.SUPERVISOR);
        Browser supervisor = journey.browser("supervisor", Viewport.DESKTOP);
        supervisor.login(supervisorAccount.email(), TestAccounts.PASSWORD);
        supervisor.open("/checkpoint/roster");
        supervisor.driver().executeScript("window.notReloaded = true;"); // gone if the page reloads
        long inside = Long.parseLong(supervisor.text(By.cssSelector("[data-live='inside']")));
        assertThat(supervisor.find(By.id("roster-stale")).isDisplayed()).isFalse();

        AccountPrincipal laneAccount = accounts.create(Role.CHECKPOINT);
        Browser lane = journey.browser("checkpoint", Viewport.TABLET);
        lane.login(laneAccount.email(), TestAccounts.PASSWORD);
        TravelSteps.checkpointStation(lane, ko, "KAESONG", "3", "NORTHBOUND", false);
        TravelSteps.scanWithKeyboardWedge(lane, pass.token());
        assertThat(TravelSteps.decisionOnScreen(lane, ko, "NORTHBOUND")).isEqualTo("accepted");

        new WebDriverWait(supervisor.driver(), Duration.ofSeconds(2))
                .withMessage("the roster's inside count within 2 s of the scan")
                .until(d -> String.valueOf(inside + 1)
                        .equals(d.findElement(By.cssSelector("[data-live='inside']")).getText()));
        assertThat(supervisor.driver().executeScript("return window.notReloaded === true;")).as("no reload")
                .isEqualTo(true);
        assertThat(supervisor.find(By.id("roster-stale")).isDisplayed()).isTrue();
        assertThat(supervisor.text(By.id("roster-stale"))).contains(ko.get("checkpoint.live.stale"));
        supervisor.snap("roster-live");
    }
}
