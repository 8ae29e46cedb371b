package kr.kaesongcrossing.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import kr.kaesongcrossing.account.AccountPrincipal;
import kr.kaesongcrossing.account.Role;
import kr.kaesongcrossing.account.TestAccounts;
import kr.kaesongcrossing.checkpoint.CheckpointFixtures;
import kr.kaesongcrossing.checkpoint.CheckpointFixtures.IssuedPass;
import kr.kaesongcrossing.checkpoint.device.DeviceTokens;
import kr.kaesongcrossing.schedule.SlotKey;
import kr.kaesongcrossing.schedule.TravelDirection;
import kr.kaesongcrossing.system.OfficeTime;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.devtools.Command;
import org.openqa.selenium.devtools.Connection;
import org.openqa.selenium.devtools.SeleniumCdpConnection;
import org.openqa.selenium.devtools.idealized.target.model.SessionID;
import org.openqa.selenium.json.Json;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The offline scan station, in Korean: a supervisor pairs a tablet at the zone gate; it scans online; the line is cut
 * (DevTools offline emulation) and it decides by itself: a good pass accepted, a pass revoked in its cached list
 * refused, a forged one refused; the office revokes a fourth pass meanwhile, which the station still accepts; a
 * reload without the network still works; the link comes back, the queue uploads once, the log has every scan
 * with both times, and the fourth is a conflict for the supervisors. Unpairing, or the device's revocation, deletes
 * what the tablet kept.
 */
@BrowserTest
class StationJourneyTests {

    private static final java.time.Duration CDP_WAIT = java.time.Duration.ofSeconds(10);

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

    @Autowired
    DeviceTokens devices;

    @Test
    @JourneyName("station-offline-ko")
    void shouldKeepTheGateOpenWhileTheLineIsCutAndSyncAfterwards(Journey journey) {
        Texts ko = Texts.korean(messages);
        CheckpointFixtures fixtures = new CheckpointFixtures(jdbc, events, transactions, accounts);
        IssuedPass online = inSlotNow(fixtures, fixtures.pass("온라인"));
        IssuedPass good = inSlotNow(fixtures, fixtures.pass("오프라인"));
        IssuedPass revoked = inSlotNow(fixtures, fixtures.pass("취소됨"));
        IssuedPass revokedMeanwhile = inSlotNow(fixtures, fixtures.pass("나중취소"));
        String forged = CheckpointFixtures.tamperedSignature(good.token());

        AccountPrincipal supervisor = accounts.create(Role.SUPERVISOR);
        Browser tablet = journey.browser("station", Viewport.TABLET);
        tablet.login(supervisor.email(), TestAccounts.PASSWORD);
        tablet.open("/station/pair");
        tablet.select("gate", "KAESONG").type("lane", "1").type("name", "구역 1번 단말");
        tablet.navigating(() -> tablet.find(By.id("name")).submit());
        tablet.waitUntil(b -> b.path().equals("/station/") && "true".equals(station(b).getDomAttribute("data-ready"))
                && station(b).getDomAttribute("data-generated-at") != null, "the paired station with its data");
        long device = jdbc.queryForObject("SELECT id FROM checkpoint_device WHERE name = ?", Long.class,
                "구역 1번 단말");
        assertThat(tablet.text(By.id("station-where"))).contains(ko.get("checkpoint.gate.KAESONG"), "구역 1번 단말");
        assertThat(tablet.text(By.id("station-status"))).contains(ko.get("station.status.online"));

        scan(tablet, online.token());
        assertThat(verdict(tablet)).isEqualTo("ACCEPTED online");
        assertThat(tablet.text(By.id("scan-result"))).contains("온라인", ko.get("checkpoint.verdict.ACCEPTED.NORTHBOUND"));
        tablet.snap("online-accepted");

        fixtures.withdraw(revoked);
        tablet.driver().executeAsyncScript("window.KcStation.refresh().then(arguments[arguments.length - 1]);");
        tablet.waitUntil(b -> "true".equals(station(b).getDomAttribute("data-cached"))
                && (Boolean) b.driver().executeScript("return !!navigator.serviceWorker.controller"),
                "the shell in the service worker's cache");

        Connection devTools = SeleniumCdpConnection.create(tablet.driver()).orElseThrow();
        network(tablet, devTools, false);
        tablet.waitUntil(b -> "false".equals(station(b).getDomAttribute("data-online")), "the station offline");
        assertThat(tablet.text(By.id("station-status"))).contains("오프라인");
        scan(tablet, good.token());
        assertThat(verdict(tablet)).isEqualTo("ACCEPTED offline");
        assertThat(tablet.text(By.id("scan-result"))).contains(ko.get("station.offline.marker"), "오프라인");
        assertThat(tablet.find(By.id("result-photo")).getDomAttribute("src")).startsWith("data:image/jpeg;base64,");
        tablet.snap("offline-accepted");
        scan(tablet, revoked.token());
        assertThat(verdict(tablet)).isEqualTo("REJECTED offline REVOKED");
        assertThat(tablet.text(By.id("scan-result"))).contains(ko.get("checkpoint.reason.REVOKED"));
        scan(tablet, forged);
        assertThat(verdict(tablet)).isEqualTo("REJECTED offline INVALID_SIGNATURE");
        tablet.snap("offline-forged");

        fixtures.withdraw(revokedMeanwhile);
        scan(tablet, revokedMeanwhile.token());
        assertThat(verdict(tablet)).isEqualTo("ACCEPTED offline");
        tablet.waitUntil(b -> "4".equals(station(b).getDomAttribute("data-queued")), "four scans queued");
        assertThat(tablet.text(By.id("station-status"))).contains(ko.get("station.status.queued", 4));

        String offlineSince = tablet.text(By.id("station-status")).split(" · ")[0];
        tablet.driver().navigate().refresh();
        tablet.waitUntil(b -> "true".equals(station(b).getDomAttribute("data-ready"))
                && "4".equals(station(b).getDomAttribute("data-queued")), "the station reloaded offline");
        assertThat(tablet.text(By.id("station-status"))).startsWith(offlineSince).contains("오프라인");
        assertThat(tablet.driver().executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                fetch('/vendor/jsqr/LICENSE?never-cached').then(r => done('reached ' + r.status), e => done('cut'));
                """)).as("the service worker's network is cut too").isEqualTo("cut");
        scan(tablet, good.token());
        assertThat(verdict(tablet)).as("its local position survived the reload").isEqualTo(
                "REJECTED offline ALREADY_INSIDE");
        tablet.snap("offline-reloaded");

        // data older than the offline window (12 h): the station does not decide, and says so
        tablet.driver().executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                const open = indexedDB.open('kc-station');
                open.onsuccess = () => {
                  const tx = open.result.transaction('kv', 'readwrite');
                  const kv = tx.objectStore('kv');
                  const list = kv.get('revocations');
                  list.onsuccess = () => kv.put(Object.assign(list.result,
                      { iat: Math.floor(Date.now() / 1000) - 13 * 3600 }), 'revocations');
                  tx.oncomplete = () => done(true);
                };
                """);
        tablet.driver().navigate().refresh();
        tablet.waitUntil(b -> "true".equals(station(b).getDomAttribute("data-ready")), "the station reloaded");
        tablet.find(By.id("token")).sendKeys(good.token() + Keys.ENTER);
        tablet.waitUntil(b -> b.find(By.id("station-message")).isDisplayed(), "the station's refusal to decide");
        assertThat(tablet.text(By.id("station-message"))).isEqualTo(ko.get("station.offline.tooOld", 13, 12));
        assertThat(tablet.find(By.id("scan-result")).isDisplayed()).isFalse();
        assertThat(station(tablet).getDomAttribute("data-queued")).isEqualTo("5");
        tablet.snap("offline-data-too-old");

        network(tablet, devTools, true);
        devTools.close();
        tablet.waitUntil(b -> "0".equals(station(b).getDomAttribute("data-queued"))
                && b.find(By.id("sync-report")).isDisplayed(), "the queue uploaded");
        assertThat(tablet.find(By.id("sync-report")).getDomAttribute("data-synced")).isEqualTo("5");
        assertThat(tablet.find(By.id("sync-report")).getDomAttribute("data-conflicts")).isEqualTo("1");
        assertThat(tablet.text(By.id("sync-conflicts"))).contains("나중취소")
                .contains(ko.get("checkpoint.reason.short.REVOKED")).doesNotContain("오프라인 (");
        assertThat(tablet.text(By.id("station-status"))).contains(ko.get("station.status.online"));
        assertThat(tablet.find(By.id("station-message")).isDisplayed()).as("the offline warning is gone").isFalse();
        tablet.snap("synced");

        List<Map<String, Object>> log = jdbc.queryForList("SELECT scan_id, pass_id, result, reason, scanned_at,"
                + " recorded_at FROM crossing_log WHERE device_id = ? ORDER BY scanned_at", device);
        assertThat(log).hasSize(6);
        assertThat(log.stream().map(row -> row.get("scan_id")).distinct()).hasSize(6);
        assertThat(log).allSatisfy(row -> assertThat(row.get("scanned_at")).isNotNull())
                .allSatisfy(row -> assertThat(row.get("recorded_at")).isNotNull());
        // the five made offline keep the time they were made and arrived later (the log keeps whole seconds)
        assertThat(log.subList(1, 6)).allSatisfy(row -> assertThat(time(row, "recorded_at"))
                .isAfterOrEqualTo(time(row, "scanned_at")));
        assertThat(time(log.get(1), "recorded_at")).isAfter(time(log.get(1), "scanned_at"));
        assertThat(log.stream().map(row -> row.get("pass_id") + " " + row.get("result") + " " + row.get("reason")))
                .containsExactly(online.passId() + " ACCEPTED null", good.passId() + " ACCEPTED null",
                        revoked.passId() + " REJECTED REVOKED", "null REJECTED INVALID_SIGNATURE",
                        revokedMeanwhile.passId() + " REJECTED REVOKED", good.passId() + " REJECTED ALREADY_INSIDE");

        // the supervisor reviews conflicts at the office desk (the table is wider than the tablet)
        Browser desk = journey.browser("supervisor", Viewport.DESKTOP);
        desk.login(supervisor.email(), TestAccounts.PASSWORD);
        desk.open("/checkpoint/conflicts");
        String conflicts = desk.text(By.tagName("main"));
        assertThat(conflicts).contains("나중취소", ko.get("checkpoint.reason.short.REVOKED"), "구역 1번 단말");
        assertThat(desk.findAll(By.cssSelector("tr[id^='conflict-']"))).hasSize(1);
        desk.snap("conflicts");

        tablet.open("/station/");
        tablet.waitUntil(b -> "true".equals(station(b).getDomAttribute("data-ready")), "the station");
        tablet.click(By.id("unpair"));
        tablet.driver().switchTo().alert().accept();
        tablet.waitUntil(b -> b.find(By.id("station-unpaired")).isDisplayed(), "the station unpaired");
        assertThat(tablet.text(By.id("station-message"))).isEqualTo(ko.get("station.unpaired"));
        assertThat(storedEntries(tablet)).isZero();
        tablet.snap("unpaired");

        // paired again, then the administrator revokes the device: its next call says so and the data goes
        tablet.open("/station/pair");
        tablet.select("gate", "KAESONG").type("lane", "2").type("name", "구역 2번 단말");
        tablet.navigating(() -> tablet.find(By.id("name")).submit());
        tablet.waitUntil(b -> b.path().equals("/station/") && b.find(By.id("station-paired")).isDisplayed()
                && station(b).getDomAttribute("data-generated-at") != null, "the station paired again");
        devices.revoke(jdbc.queryForObject("SELECT id FROM checkpoint_device WHERE name = ?", Long.class,
                "구역 2번 단말"));
        tablet.driver().executeAsyncScript("window.KcStation.refresh().then(arguments[arguments.length - 1]);");
        tablet.waitUntil(b -> b.find(By.id("station-unpaired")).isDisplayed(), "the revoked station stopped");
        assertThat(tablet.text(By.id("station-message"))).isEqualTo(ko.get("station.revoked"));
        assertThat(storedEntries(tablet)).isZero();
        tablet.snap("device-revoked");
        // the pool reuses this browser: no service worker or storage of this origin for the next journey
        tablet.driver().executeCdpCommand("Storage.clearDataForOrigin", Map.of("origin", journey.baseUrl(),
                "storageTypes", "all"));
    }

    /** What the station keeps in IndexedDB besides its queue (credential, key, keys, lists, data). */
    private static long storedEntries(Browser tablet) {
        return (Long) tablet.driver().executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                const open = indexedDB.open('kc-station');
                open.onsuccess = () => {
                  const count = open.result.transaction('kv').objectStore('kv').count();
                  count.onsuccess = () => done(count.result);
                };
                """);
    }

    private static IssuedPass inSlotNow(CheckpointFixtures fixtures, IssuedPass pass) {
        LocalDateTime now = LocalDateTime.now(OfficeTime.ZONE).truncatedTo(ChronoUnit.MINUTES);
        fixtures.inSlot(pass, new SlotKey(TravelDirection.NORTHBOUND, now.toLocalDate(), LocalTime.from(now)), true);
        return pass;
    }

    private static org.openqa.selenium.WebElement station(Browser browser) {
        return browser.find(By.id("station-app"));
    }

    private static void scan(Browser tablet, String token) {
        String before = String.valueOf(tablet.driver().executeScript(
                "const r = document.getElementById('scan-result'); r.removeAttribute('data-decision'); return 1;"));
        assertThat(before).isEqualTo("1");
        tablet.find(By.id("token")).sendKeys(token + Keys.ENTER);
        tablet.waitUntil(b -> b.find(By.id("scan-result")).getDomAttribute("data-decision") != null, "a decision");
    }

    /** "ACCEPTED online", "REJECTED offline REVOKED"... */
    private static String verdict(Browser tablet) {
        var panel = tablet.find(By.id("scan-result"));
        String reason = panel.getDomAttribute("data-reason");
        return panel.getDomAttribute("data-decision") + ("true".equals(panel.getDomAttribute("data-offline"))
                ? " offline" : " online") + (reason == null || reason.isEmpty() ? "" : " " + reason);
    }

    /**
     * Cuts or restores the tablet's network: the page's (ChromeDriver's CDP command) and its service worker's,
     * which has a DevTools target of its own (without it, the worker would still reach the server and a reload
     * would not show that the cache works).
     */
    private static void network(Browser tablet, Connection devTools, boolean online) {
        Map<String, Object> conditions = Map.of("offline", !online, "latency", 0, "downloadThroughput", -1,
                "uploadThroughput", -1);
        ChromeDriver driver = tablet.driver();
        driver.executeCdpCommand("Network.enable", Map.of());
        driver.executeCdpCommand("Network.emulateNetworkConditions", conditions);
        Map<String, Object> targets = devTools.sendAndWait(null, new Command<>("Target.getTargets", Map.of(),
                input -> input.<Map<String, Object>>read(Json.MAP_TYPE)), CDP_WAIT);
        int workers = 0;
        for (Object target : (List<?>) targets.get("targetInfos")) {
            Map<?, ?> info = (Map<?, ?>) target;
            if ("service_worker".equals(info.get("type"))) {
                Map<String, Object> attached = devTools.sendAndWait(null, new Command<>("Target.attachToTarget",
                        Map.of("targetId", info.get("targetId"), "flatten", true),
                        input -> input.<Map<String, Object>>read(Json.MAP_TYPE)), CDP_WAIT);
                SessionID session = new SessionID(String.valueOf(attached.get("sessionId")));
                devTools.sendAndWait(session, new Command<>("Network.enable", Map.of()), CDP_WAIT);
                devTools.sendAndWait(session, new Command<>("Network.emulateNetworkConditions", conditions), CDP_WAIT);
                workers++;
            }
        }
        assertThat(workers).as("the station's service worker").isPositive();
    }

    private static java.time.Instant time(Map<String, Object> row, String column) {
        Object value = row.get(column);
        if (value instanceof java.sql.Timestamp timestamp) {
            return timestamp.toInstant();
        }
        if (value instanceof LocalDateTime local) {
            return local.toInstant(java.time.ZoneOffset.UTC);
        }
        return ((java.time.OffsetDateTime) value).toInstant();
    }
}
