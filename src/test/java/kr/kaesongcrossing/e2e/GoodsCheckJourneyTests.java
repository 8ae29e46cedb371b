package kr.kaesongcrossing.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import kr.kaesongcrossing.account.AccountPrincipal;
import kr.kaesongcrossing.account.Role;
import kr.kaesongcrossing.account.TestAccounts;
import kr.kaesongcrossing.checkpoint.CheckpointFixtures;
import kr.kaesongcrossing.checkpoint.CheckpointFixtures.IssuedPass;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Goods at the gate, at a tablet station: after the northbound scan the officer ticks off the declared goods with one
 * difference, after the southbound scan marks a line that should have come back as not back, and closes that
 * difference with a reason on the goods page. (The trip is made directly in the database: the whole issue's journey
 * from the application on is the lead's.)
 */
@BrowserTest
class GoodsCheckJourneyTests {

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
    @JourneyName("goods-at-the-gate")
    void shouldTickOffGoodsNorthAndSouthAndCloseTheDifference(Journey journey) {
        Texts ko = Texts.korean(messages);
        IssuedPass pass = new CheckpointFixtures(jdbc, events, transactions, accounts).pass("윤물품");
        line(pass, 0, "회의 자료", 10, "HS49", null, false);
        line(pass, 1, "카메라", 1, "KC-CAMERA", "EP-2026-0042", true);
        line(pass, 2, "측정 장비", 2, "KC-OTHER", "EP-2026-0043", true);

        AccountPrincipal officer = accounts.create(Role.CHECKPOINT);
        Browser lane = journey.browser("checkpoint", Viewport.TABLET);
        lane.login(officer.email(), TestAccounts.PASSWORD);
        TravelSteps.checkpointStation(lane, ko, "물품 레인", "NORTHBOUND", false);
        String answer = TravelSteps.scanWithKeyboardWedge(lane, pass.token());
        assertThat(answer).contains("윤물품", ko.get("checkpoint.goods.station.title.NORTHBOUND"), "회의 자료", "카메라",
                "EP-2026-0042");
        lane.snap("north-goods-shown");

        lane.clickText(ko.get("checkpoint.goods.tickOff"));
        lane.waitForPath("/checkpoint/scans/");
        lane.select("outcome-2", "LESS").type("note-2", "1개만 가져감");
        lane.snap("north-tick-off");
        lane.clickText(ko.get("checkpoint.goods.record"));
        assertThat(lane.text(By.id("scan-goods"))).contains(ko.get("checkpoint.goods.recorded"), "차이 1건");

        TravelSteps.checkpointStation(lane, ko, "물품 레인", "SOUTHBOUND", false);
        answer = TravelSteps.scanWithKeyboardWedge(lane, pass.token());
        assertThat(answer).contains(ko.get("checkpoint.goods.station.title.SOUTHBOUND"), "카메라", "측정 장비")
                .doesNotContain("회의 자료");
        lane.clickText(ko.get("checkpoint.goods.tickOff"));
        lane.select("outcome-1", "NOT_BACK").type("note-1", "개성 사무소에 두고 옴");
        lane.snap("south-tick-off");
        lane.clickText(ko.get("checkpoint.goods.record"));
        assertThat(lane.text(By.id("scan-goods"))).contains("차이 1건");

        lane.clickText(ko.get("menu.goods"));
        lane.waitForPath("/checkpoint/goods");
        assertThat(lane.text(By.id("goods-open"))).contains("윤물품", "개성 사무소에 두고 옴", "1개만 가져감");
        lane.snap("goods-open");
        String row = "//tr[contains(., '개성 사무소에 두고 옴')]";
        lane.type(By.xpath(row + "//input[@name='reason']"), "사무소 비품으로 기증 확인");
        lane.click(By.xpath(row + "//button"));
        assertThat(lane.pageText()).contains(ko.get("checkpoint.goods.closed"));
        assertThat(lane.text(By.id("goods-open"))).doesNotContain("개성 사무소에 두고 옴").contains("1개만 가져감");
        lane.snap("goods-closed");
    }

    private void line(IssuedPass pass, int no, String description, int quantity, String category, String permit,
            boolean comesBack) {
        jdbc.update("INSERT INTO application_goods_line (application_id, line_no, description, quantity, value_krw, "
                + "category_code, permit_number, comes_back) VALUES (?, ?, ?, ?, 10000, ?, ?, ?)",
                pass.applicationId(), no, description, quantity, category, permit, comesBack);
    }
}
