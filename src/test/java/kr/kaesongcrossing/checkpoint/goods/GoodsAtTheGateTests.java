package kr.kaesongcrossing.checkpoint.goods;

import static kr.kaesongcrossing.account.SignedIn.signedIn;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import jakarta.servlet.http.Cookie;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.UUID;
import kr.kaesongcrossing.account.AccountPrincipal;
import kr.kaesongcrossing.account.Role;
import kr.kaesongcrossing.account.TestAccounts;
import kr.kaesongcrossing.audit.AuditRows;
import kr.kaesongcrossing.checkpoint.CheckpointFixtures;
import kr.kaesongcrossing.checkpoint.CheckpointFixtures.IssuedPass;
import kr.kaesongcrossing.checkpoint.Staff;
import kr.kaesongcrossing.system.OfficeTime;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Goods at the gate on a real database, through the pages: the tick-off after an accepted scan northbound and
 * southbound, the goods page's open differences and their closing, the day close, and what is refused.
 */
@SpringBootTest
@AutoConfigureMockMvc
class GoodsAtTheGateTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ApplicationEventPublisher events;
    @Autowired
    PlatformTransactionManager transactions;
    @Autowired
    TestAccounts accounts;
    @Autowired
    GoodsLedger ledger;

    CheckpointFixtures fixtures;
    AccountPrincipal officer;
    Cookie session;
    String family;

    @BeforeEach
    void station() throws Exception {
        fixtures = new CheckpointFixtures(jdbc, events, transactions, accounts);
        officer = accounts.create(Role.CHECKPOINT);
        session = station(officer, "NORTHBOUND");
        family = "물품" + UUID.randomUUID().toString().substring(0, 6);
    }

    /** The officer's station at the zone gate (the tests' route), lane 2, in {@code direction}. */
    private Cookie station(AccountPrincipal who, String direction) throws Exception {
        var request = post("/checkpoint/station").param("gate", "KAESONG").param("lane", "2")
                .param("direction", direction).with(signedIn(who)).with(csrf());
        if (session != null && who == officer) {
            request.cookie(session);
        }
        var response = mvc.perform(request).andExpect(status().is3xxRedirection()).andReturn().getResponse();
        return Arrays.stream(response.getCookies()).filter(c -> c.getName().endsWith("SESSION")).findFirst()
                .orElse(session);
    }

    /** A trip with three lines: printed documents that stay, a camera with a permit and instruments that come back. */
    private IssuedPass tripWithGoods(String name) {
        IssuedPass pass = fixtures.pass(family + name);
        line(pass, 0, "회의 자료", 10, "HS49", null, false);
        line(pass, 1, "카메라", 1, "KC-CAMERA", "EP-2026-0042", true);
        line(pass, 2, "측정 장비", 2, "KC-OTHER", "EP-2026-0043", true);
        return pass;
    }

    private void line(IssuedPass pass, int no, String description, int quantity, String category, String permit,
            boolean comesBack) {
        jdbc.update("INSERT INTO application_goods_line (application_id, line_no, description, quantity, value_krw, "
                + "category_code, permit_number, comes_back) VALUES (?, ?, ?, ?, 10000, ?, ?, ?)",
                pass.applicationId(), no, description, quantity, category, permit, comesBack);
    }

    private String page(String url) throws Exception {
        return mvc.perform(get(url).cookie(session).with(signedIn(officer))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    /** Scans the pass at the station and answers the scan id. */
    private String scan(IssuedPass pass) throws Exception {
        String location = mvc.perform(post("/checkpoint/scan").param("scanId", UUID.randomUUID().toString())
                        .param("token", pass.token()).cookie(session).with(signedIn(officer)).with(csrf()))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        return location.substring(location.indexOf("scan=") + 5);
    }

    private MockHttpServletRequestBuilder tick(String scanId, String... lines) {
        MockHttpServletRequestBuilder request = post("/checkpoint/scans/" + scanId + "/goods").cookie(session)
                .with(signedIn(officer)).with(csrf());
        for (int i = 0; i < lines.length; i++) {
            String[] parts = lines[i].split("\\|", -1);
            request.param("lines[" + i + "].lineNo", parts[0]).param("lines[" + i + "].outcome", parts[1])
                    .param("lines[" + i + "].note", parts.length > 2 ? parts[2] : "");
        }
        return request;
    }

    private String refused(MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }

    private int checks(IssuedPass pass) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM goods_check WHERE application_id = ?", Integer.class,
                pass.applicationId());
    }

    private static String openSection(String html) {
        int from = html.indexOf("id=\"goods-open\"");
        return html.substring(from, html.indexOf("</table>", from) < 0 ? html.indexOf("</div>", from)
                : html.indexOf("</table>", from));
    }

    /** The rows of the open differences that name {@code name}. */
    private static String openRows(String html, String name) {
        return Arrays.stream(openSection(html).split("<tr")).filter(row -> row.contains(name))
                .reduce("", String::concat);
    }

    private long difference(IssuedPass pass, String kind) {
        return jdbc.queryForObject("SELECT id FROM goods_difference WHERE application_id = ? AND kind = ?",
                Long.class, pass.applicationId(), kind);
    }

    @Test
    void shouldTickOffNorthAndSouthAndCloseTheDifferenceThatDidNotComeBack() throws Exception {
        IssuedPass pass = tripWithGoods("왕복");
        String north = scan(pass);
        String station = page("/checkpoint?scan=" + north);
        assertThat(station).contains("신고 물품 확인(출경)", "회의 자료", "카메라(렌즈 160mm 이하)", "EP-2026-0042",
                "/checkpoint/scans/" + north + "/goods", "물품 확인하기");

        assertThat(page("/checkpoint/scans/" + north + "/goods")).contains("측정 장비", "신고한 대로", "신고보다 적음");
        mvc.perform(tick(north, "0|AS_DECLARED", "1|AS_DECLARED", "2|LESS|1개만 가져감"))
                .andExpect(status().is3xxRedirection());
        assertThat(page("/checkpoint?scan=" + north)).contains("물품 확인을 기록했습니다. 차이 1건", "물품 확인 고치기");
        assertThat(openSection(page("/checkpoint/goods"))).contains(family + "왕복", "측정 장비", "1개만 가져감",
                "신고보다 적음");

        session = station(officer, "SOUTHBOUND");
        String south = scan(pass);
        String back = page("/checkpoint?scan=" + south);
        assertThat(back).contains("가져오기로 신고한 물품 재확인(입경)", "카메라", "측정 장비").doesNotContain("회의 자료");
        mvc.perform(tick(south, "1|AS_DECLARED", "2|NOT_BACK|개성 사무소에 두고 옴"))
                .andExpect(status().is3xxRedirection());
        String goods = page("/checkpoint/goods");
        assertThat(openSection(goods)).contains("개성 사무소에 두고 옴", "돌아오지 않음", "1개만 가져감");
        assertThat(goods).contains("id=\"goods-trip-" + pass.applicationId() + "\"");

        long notBack = difference(pass, "NOT_BACK");
        mvc.perform(post("/checkpoint/goods/differences/" + notBack + "/close").param("reason", "사무소 비품으로 기증 확인")
                .cookie(session).with(signedIn(officer)).with(csrf())).andExpect(status().is3xxRedirection());
        assertThat(openSection(page("/checkpoint/goods"))).doesNotContain("개성 사무소에 두고 옴").contains("1개만 가져감");
        assertThat(AuditRows.about(jdbc, "goods-difference", notBack))
                .extracting(AuditRows.Row::action).containsExactly("checkpoint.goods-difference-closed");
        assertThat(jdbc.queryForObject("SELECT close_reason FROM goods_difference WHERE id = ?", String.class,
                notBack)).isEqualTo("사무소 비품으로 기증 확인");

        // closing twice is refused with who closed it, and changes nothing
        String again = mvc.perform(post("/checkpoint/goods/differences/" + notBack + "/close").param("reason", "또")
                        .cookie(session).with(signedIn(officer)).with(csrf()))
                .andExpect(status().is3xxRedirection()).andReturn().getFlashMap().get("problem").toString();
        assertThat(again).contains("이미", officer.displayName());
        assertThat(AuditRows.about(jdbc, "goods-difference", notBack)).hasSize(1);
    }

    @Test
    void shouldLetTheSenderCorrectTheCheckUntilADifferenceIsClosed() throws Exception {
        IssuedPass pass = tripWithGoods("고침");
        String north = scan(pass);
        mvc.perform(tick(north, "0|MORE|12부", "1|AS_DECLARED", "2|AS_DECLARED")).andExpect(status().is3xxRedirection());
        assertThat(page("/checkpoint/scans/" + north + "/goods")).contains("12부");
        mvc.perform(tick(north, "0|AS_DECLARED", "1|AS_DECLARED", "2|AS_DECLARED"))
                .andExpect(status().is3xxRedirection());
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM goods_difference WHERE application_id = ?",
                Integer.class, pass.applicationId())).isZero();
        assertThat(checks(pass)).isEqualTo(1);

        mvc.perform(tick(north, "0|MORE|12부", "1|AS_DECLARED", "2|AS_DECLARED")).andExpect(status().is3xxRedirection());
        mvc.perform(post("/checkpoint/goods/differences/" + difference(pass, "MORE") + "/close")
                .param("reason", "추가분 확인").cookie(session).with(signedIn(officer)).with(csrf()));
        assertThat(refused(tick(north, "0|AS_DECLARED", "1|AS_DECLARED", "2|AS_DECLARED")))
                .contains("이미 종결된 차이가 있어");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM goods_difference WHERE application_id = ?",
                Integer.class, pass.applicationId())).isEqualTo(1);
    }

    @Test
    void shouldShowAComesBackLineThatWasNotCheckedBackAsOpenUntilClosed() throws Exception {
        IssuedPass pass = tripWithGoods("미확인");
        String north = scan(pass);
        mvc.perform(tick(north, "0|AS_DECLARED", "1|AS_DECLARED", "2|AS_DECLARED"))
                .andExpect(status().is3xxRedirection());
        assertThat(openSection(page("/checkpoint/goods"))).doesNotContain(family + "미확인"); // still inside

        session = station(officer, "SOUTHBOUND");
        scan(pass); // back south, nobody ticks the goods off
        String open = openRows(page("/checkpoint/goods"), family + "미확인");
        assertThat(open).contains("카메라", "측정 장비", "입경 때 물품 확인 없이");

        mvc.perform(post("/checkpoint/goods/trips/" + pass.applicationId() + "/lines/1/close")
                .param("reason", "다음 방문 때 반입 예정").cookie(session).with(signedIn(officer)).with(csrf()))
                .andExpect(status().is3xxRedirection());
        open = openRows(page("/checkpoint/goods"), family + "미확인");
        assertThat(open).contains("측정 장비").doesNotContain("카메라");
        long closed = difference(pass, "NOT_BACK");
        assertThat(AuditRows.about(jdbc, "goods-difference", closed)).extracting(AuditRows.Row::action)
                .containsExactly("checkpoint.goods-difference-closed");
        // a line that is not open (stays in the North by declaration) cannot be closed
        String problem = mvc.perform(post("/checkpoint/goods/trips/" + pass.applicationId() + "/lines/0/close")
                        .param("reason", "x").cookie(session).with(signedIn(officer)).with(csrf()))
                .andExpect(status().is3xxRedirection()).andReturn().getFlashMap().get("problem").toString();
        assertThat(problem).contains("찾을 수 없습니다");
    }

    /** The live numbers' and home pages' count: as many as the goods page lists open today. */
    private long openCount() {
        long count = ledger.openCount();
        assertThat(count).isEqualTo(ledger.openUpTo(ledger.today()).size());
        return count;
    }

    @Test
    void shouldCountTheLinesNotBackAsTheGoodsPageListsThem() throws Exception {
        long before = openCount();
        IssuedPass back = tripWithGoods("셈남");
        mvc.perform(tick(scan(back), "0|AS_DECLARED", "1|AS_DECLARED", "2|AS_DECLARED"))
                .andExpect(status().is3xxRedirection());
        IssuedPass due = tripWithGoods("셈기한");
        mvc.perform(tick(scan(due), "0|AS_DECLARED", "1|LESS|렌즈 한 개 빠짐", "2|AS_DECLARED"))
                .andExpect(status().is3xxRedirection());
        assertThat(openCount()).isEqualTo(before + 1); // the difference found northbound; both still inside

        session = station(officer, "SOUTHBOUND");
        scan(back); // back south without a goods check: its two lines that come back are open
        assertThat(openCount()).isEqualTo(before + 3);

        LocalDate today = ledger.today();
        jdbc.update("UPDATE travel_application SET southbound_slot = NULL, return_date = ? WHERE id = ?",
                today.minusDays(1), due.applicationId());
        assertThat(openCount()).isEqualTo(before + 5); // due back yesterday, not back: its two lines too
        jdbc.update("UPDATE travel_application SET southbound_slot = ? WHERE id = ?",
                "S-" + today.plusDays(1) + "-1400", due.applicationId());
        assertThat(openCount()).isEqualTo(before + 3); // the southbound slot tomorrow is the due day
        jdbc.update("UPDATE travel_application SET southbound_slot = ? WHERE id = ?",
                "S-" + today.minusDays(2) + "-1400", due.applicationId());
        assertThat(openCount()).isEqualTo(before + 5);

        mvc.perform(post("/checkpoint/goods/trips/" + back.applicationId() + "/lines/1/close")
                .param("reason", "다음 방문 때 반입 예정").cookie(session).with(signedIn(officer)).with(csrf()))
                .andExpect(status().is3xxRedirection());
        assertThat(openCount()).isEqualTo(before + 4);
    }

    @Test
    void shouldListOpenDifferencesAtTheDayCloseAndRecordTheirCountWhenSigned() throws Exception {
        IssuedPass pass = tripWithGoods("마감");
        String north = scan(pass);
        mvc.perform(tick(north, "0|AS_DECLARED", "1|LESS|렌즈 한 개 빠짐", "2|AS_DECLARED"))
                .andExpect(status().is3xxRedirection());
        String day = mvc.perform(get("/checkpoint/day").with(Staff.as(Role.SUPERVISOR))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(day.substring(day.indexOf("id=\"day-goods\""))).contains(family + "마감", "렌즈 한 개 빠짐");
        assertThat(day).contains("/checkpoint/goods");

        // a past day nobody signed: allowed, with the count of differences open then recorded
        LocalDate past = LocalDate.of(2002, 1, 1).plusDays(UUID.randomUUID().hashCode() & 4095);
        mvc.perform(post("/checkpoint/day/sign").param("day", past.toString()).param("note", "")
                .with(Staff.as(Role.SUPERVISOR)).with(csrf())).andExpect(status().is3xxRedirection());
        assertThat(jdbc.queryForObject("SELECT open_goods_differences FROM day_signoff WHERE office_day = ?",
                Integer.class, past)).isNotNull();
        assertThat(mvc.perform(get("/checkpoint/day").param("day", past.toString()).with(Staff.as(Role.SUPERVISOR)))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8))
                .contains("마감 확인 때 종결되지 않은 물품 차이");
    }

    @Test
    void shouldLetOnlyTheScansSenderTickOff() throws Exception {
        IssuedPass pass = tripWithGoods("남의스캔");
        String north = scan(pass);
        AccountPrincipal other = accounts.create(Role.CHECKPOINT);
        String html = mvc.perform(get("/checkpoint/scans/" + north + "/goods").with(signedIn(other)))
                .andExpect(status().isNotFound()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(html).contains("본인이 통과 처리한 스캔 후 30분 안에만").doesNotContain("카메라");
        mvc.perform(post("/checkpoint/scans/" + north + "/goods").param("lines[0].lineNo", "0")
                .param("lines[0].outcome", "AS_DECLARED").with(signedIn(other)).with(csrf()))
                .andExpect(status().isNotFound());
        // a scan long past the window is no longer the sender's to tick off either
        jdbc.update("UPDATE crossing_log SET recorded_at = ? WHERE scan_id = ?",
                java.time.LocalDateTime.now(java.time.ZoneOffset.UTC).minusMinutes(31), north);
        mvc.perform(get("/checkpoint/scans/" + north + "/goods").cookie(session).with(signedIn(officer)))
                .andExpect(status().isNotFound());
        mvc.perform(get("/checkpoint/scans/" + "x".repeat(300) + "/goods").cookie(session).with(signedIn(officer)))
                .andExpect(status().isNotFound());
        assertThat(checks(pass)).isZero();
    }

    @Test
    void shouldRefuseBadInputWithAMessageAndRecordNothing() throws Exception {
        IssuedPass pass = tripWithGoods("잘못");
        String north = scan(pass);
        assertThat(refused(tick(north, "0|AS_DECLARED", "1|AS_DECLARED", "99|AS_DECLARED")))
                .contains("품목 목록이 맞지 않습니다");
        assertThat(refused(tick(north, "0|AS_DECLARED", "1|AS_DECLARED"))).contains("품목 목록이 맞지 않습니다");
        assertThat(refused(tick(north, "0|AS_DECLARED", "0|AS_DECLARED", "1|AS_DECLARED", "2|AS_DECLARED")))
                .contains("품목 목록이 맞지 않습니다");
        assertThat(refused(tick(north, "0|AS_DECLARED", "1|LESS|", "2|AS_DECLARED")))
                .contains("차이가 있는 품목에는 메모를 적으세요");
        assertThat(refused(tick(north, "0|AS_DECLARED", "1|LESS|" + "가".repeat(501), "2|AS_DECLARED")))
                .contains("메모는 500자");
        assertThat(refused(tick(north, "0|AS_DECLARED", "1|BOGUS|x", "2|AS_DECLARED")))
                .contains("확인 결과를 목록에서 고르세요");
        assertThat(refused(tick(north, "0|AS_DECLARED", "1|NOT_BACK|x", "2|AS_DECLARED")))
                .contains("입경 때만 고를 수 있습니다");
        assertThat(refused(tick(north, "0|AS_DECLARED", "1|AS_DECLARED", "2|AS_DECLARED")
                .param("extraNote", "가방 안 무전기"))).contains("신고하지 않은 물품의 품명을 적으세요");
        // the officer's entry is kept on the refused form
        assertThat(refused(tick(north, "0|AS_DECLARED", "1|LESS|", "2|MORE|세 개"))).contains("세 개");
        mvc.perform(tick(north, "0|AS_DECLARED").param("lines[5000].lineNo", "1")).andExpect(status().isBadRequest());
        assertThat(checks(pass)).isZero();

        long none = jdbc.queryForObject("SELECT COUNT(*) FROM goods_difference", Long.class);
        String problem = mvc.perform(post("/checkpoint/goods/differences/999999999/close").param("reason", "x")
                        .cookie(session).with(signedIn(officer)).with(csrf()))
                .andExpect(status().is3xxRedirection()).andReturn().getFlashMap().get("problem").toString();
        assertThat(problem).contains("찾을 수 없습니다");
        mvc.perform(tick(north, "0|AS_DECLARED", "1|LESS|하나 빠짐", "2|AS_DECLARED"))
                .andExpect(status().is3xxRedirection());
        long id = difference(pass, "LESS");
        for (String reason : new String[] {"", "   ", "가".repeat(501)}) {
            mvc.perform(post("/checkpoint/goods/differences/" + id + "/close").param("reason", reason)
                    .cookie(session).with(signedIn(officer)).with(csrf())).andExpect(status().is3xxRedirection());
        }
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM goods_difference WHERE closed_at IS NULL AND id = ?",
                Integer.class, id)).isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM goods_difference", Long.class)).isEqualTo(none + 1);
    }

    @Test
    void shouldSaySoWhenTheTripHasNoGoods() throws Exception {
        IssuedPass pass = fixtures.pass(family + "빈손");
        String north = scan(pass);
        assertThat(page("/checkpoint?scan=" + north)).contains("신고한 물품이 없습니다")
                .doesNotContain("/checkpoint/scans/" + north + "/goods");
        assertThat(page("/checkpoint/scans/" + north + "/goods")).contains("신고한 물품이 없습니다")
                .doesNotContain("goods-check-form");
        assertThat(refused(tick(north, "0|AS_DECLARED"))).contains("확인할 물품이 없습니다");
        assertThat(checks(pass)).isZero();
    }

    @Test
    void shouldShowTheGoodsPageToOfficeStaffWithoutCloseForms() throws Exception {
        String html = mvc.perform(get("/checkpoint/goods").param("day", "not-a-day").with(Staff.as(Role.OFFICER)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(html).contains("반출입 물품", OfficeTime.today(java.time.Clock.systemUTC()).toString())
                .doesNotContain("kc-goods-close");
    }
}
