package kr.kaesongcrossing.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import kr.kaesongcrossing.WebClient;
import kr.kaesongcrossing.WebClient.Answer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Sessions of an account in the database, over HTTP with several real browsers (cookie jars): changing the
 * password, "My sessions", the absolute lifetime and an administrator ending someone's sessions.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc // unused here: the same Spring context as the MockMvc tests, started once per JVM
class SessionsTests {

    private static final String NEW_PASSWORD = "kites above the han river";
    private static final Pattern END_FORM = Pattern.compile("action=\"/account/sessions/([0-9a-f]{24})/end\"");
    private static final String FIREFOX = "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:128.0) Gecko/20100101 "
            + "Firefox/128.0";

    @LocalServerPort
    int port;

    @Autowired
    TestAccounts accounts;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void shouldChangeThePasswordAndEndOnlyTheOtherSessions() {
        AccountPrincipal civilian = accounts.create(Role.CIVILIAN, "en");
        WebClient laptop = signedIn(civilian);
        WebClient phone = signedIn(civilian);

        laptop.open("/account/password");
        Answer wrong = laptop.postForm("/account/password", Map.of("currentPassword", "not my password at all",
                "newPassword", NEW_PASSWORD, "confirmation", NEW_PASSWORD));
        assertThat(wrong.location()).endsWith("/account/password");
        assertThat(laptop.open("/account/password").body()).contains("The current password is not correct");
        assertThat(phone.get("/").status()).as("a refused change ends nothing").isEqualTo(200);
        assertThat(accounts.find(civilian.email()).orElseThrow().failedLogins()).as("counted as a failed sign-in")
                .isEqualTo(1);
        Answer weak = laptop.postForm("/account/password", Map.of("currentPassword", TestAccounts.PASSWORD,
                "newPassword", "qwertyuiop123", "confirmation", "qwertyuiop123"));
        assertThat(weak.status()).isEqualTo(200);
        assertThat(weak.body()).contains("too common");

        Answer changed = laptop.postForm("/account/password", Map.of("currentPassword", TestAccounts.PASSWORD,
                "newPassword", NEW_PASSWORD, "confirmation", NEW_PASSWORD));

        assertThat(changed.location()).endsWith("/account/sessions");
        assertThat(laptop.get("/account/sessions").body()).contains("Your password was changed");
        assertThat(laptop.get("/").status()).as("this session stays").isEqualTo(200);
        assertThat(phone.get("/").location()).as("the other session ended").endsWith("/login");
        assertThat(browser().login(civilian.email(), TestAccounts.PASSWORD)).isFalse();
        assertThat(browser().login(civilian.email(), NEW_PASSWORD)).isTrue();
        assertThat(accounts.find(civilian.email()).orElseThrow().failedLogins()).isZero();
    }

    @Test
    void shouldListTheOwnSessionsAndEndThem() {
        AccountPrincipal officer = accounts.create(Role.OFFICER, "en");
        AccountPrincipal someoneElse = accounts.create(Role.OFFICER, "en");
        WebClient desk = signedIn(officer, FIREFOX);
        WebClient laptop = signedIn(officer);
        WebClient tablet = signedIn(officer);
        WebClient other = signedIn(someoneElse);

        Answer page = desk.open("/account/sessions");

        assertThat(page.status()).isEqualTo(200);
        List<String> handles = handles(page.body());
        assertThat(handles).hasSize(3);
        assertThat(page.body()).contains("Firefox, Windows", "This session", "Unknown browser")
                .doesNotContain(desk.cookie("KCSESSION").orElseThrow());
        assertThat(otherThan(handles, desk)).hasSize(2);

        assertThat(other.open("/account/sessions").body()).doesNotContain(handles.toArray(String[]::new));
        Answer foreign = other.postForm("/account/sessions/" + handles.get(0) + "/end", Map.of());
        assertThat(foreign.location()).endsWith("/account/sessions");
        assertThat(desk.get("/").status()).as("nobody ends someone else's session").isEqualTo(200);

        String target = otherThan(handles, desk).get(0);
        desk.open("/account/sessions");
        assertThat(desk.postForm("/account/sessions/" + target + "/end", Map.of()).location())
                .endsWith("/account/sessions");
        assertThat(handles(desk.open("/account/sessions").body())).hasSize(2).doesNotContain(target);

        assertThat(desk.postForm("/account/sessions/end-others", Map.of()).location()).endsWith("/account/sessions");
        assertThat(handles(desk.open("/account/sessions").body())).hasSize(1);
        assertThat(laptop.get("/").location()).endsWith("/login");
        assertThat(tablet.get("/").location()).endsWith("/login");
        assertThat(desk.get("/").status()).isEqualTo(200);

        String own = handles(desk.open("/account/sessions").body()).get(0);
        assertThat(desk.postForm("/account/sessions/" + own + "/end", Map.of()).location()).endsWith("/login?logout");
        assertThat(desk.get("/").location()).endsWith("/login");
    }

    @Test
    void shouldEndASessionOlderThanTheAbsoluteLifetimeAtTheNextRequest() {
        AccountPrincipal checkpoint = accounts.create(Role.CHECKPOINT, "en");
        WebClient busy = signedIn(checkpoint);
        WebClient fresh = signedIn(checkpoint);
        long thirteenHoursAgo = System.currentTimeMillis() - 13 * 3_600_000L;
        // Active a minute ago (within the idle timeout) but signed in 13 hours ago.
        jdbc.update("UPDATE SPRING_SESSION SET CREATION_TIME = ? WHERE SESSION_ID = ?", thirteenHoursAgo,
                sessionId(busy));

        Answer next = busy.get("/");

        assertThat(next.location()).endsWith("/login?expired");
        assertThat(busy.get("/login?expired").body()).contains("longest allowed time");
        assertThat(busy.get("/").location()).endsWith("/login");
        assertThat(fresh.get("/").status()).as("a younger session of the same account goes on").isEqualTo(200);
    }

    @Test
    void shouldLetAnAdministratorEndAllSessionsOfAnAccount() {
        AccountPrincipal admin = accounts.create(Role.ADMIN, "en");
        AccountPrincipal supervisor = accounts.create(Role.SUPERVISOR, "en");
        WebClient one = signedIn(supervisor);
        WebClient two = signedIn(supervisor);
        WebClient adminBrowser = signedIn(admin);

        assertThat(adminBrowser.open("/admin/users").body()).contains("End sessions");
        Answer ended = adminBrowser.postForm("/admin/users/" + supervisor.id() + "/sessions/end", Map.of());

        assertThat(ended.location()).endsWith("/admin/users");
        assertThat(adminBrowser.get("/admin/users").body()).contains("All sessions of the account have ended");
        assertThat(one.get("/").location()).endsWith("/login");
        assertThat(two.get("/").location()).endsWith("/login");
        assertThat(accounts.find(supervisor.email()).orElseThrow().enabled()).as("the account stays").isTrue();
        assertThat(browser().login(supervisor.email(), TestAccounts.PASSWORD)).isTrue();
        Answer unknown = adminBrowser.postForm("/admin/users/999999999/sessions/end", Map.of());
        assertThat(unknown.location()).endsWith("/admin/users");
    }

    private List<String> otherThan(List<String> handles, WebClient current) {
        String own = ownHandle(current);
        List<String> others = new ArrayList<>(handles);
        others.remove(own);
        return others;
    }

    /** The handle the page marks as "This session". */
    private static String ownHandle(WebClient client) {
        String body = client.get("/account/sessions").body();
        Matcher row = Pattern.compile("(?s)<tr>((?:(?!</tr>).)*?This session(?:(?!</tr>).)*)</tr>").matcher(body);
        assertThat(row.find()).isTrue();
        Matcher handle = END_FORM.matcher(row.group(1));
        assertThat(handle.find()).isTrue();
        return handle.group(1);
    }

    private static List<String> handles(String page) {
        List<String> found = new ArrayList<>();
        Matcher matcher = END_FORM.matcher(page);
        while (matcher.find()) {
            found.add(matcher.group(1));
        }
        return found;
    }

    private String sessionId(WebClient client) {
        String cookie = client.cookie("KCSESSION").orElseThrow();
        return new String(java.util.Base64.getDecoder().decode(cookie), java.nio.charset.StandardCharsets.UTF_8);
    }

    private WebClient signedIn(AccountPrincipal account) {
        WebClient client = browser();
        assertThat(client.login(account.email(), TestAccounts.PASSWORD)).isTrue();
        return client;
    }

    private WebClient signedIn(AccountPrincipal account, String userAgent) {
        WebClient client = browser();
        client.open("/login");
        Answer answer = client.postRaw("/login", "application/x-www-form-urlencoded",
                ("username=" + java.net.URLEncoder.encode(account.email(), java.nio.charset.StandardCharsets.UTF_8)
                        + "&password=" + java.net.URLEncoder.encode(TestAccounts.PASSWORD,
                                java.nio.charset.StandardCharsets.UTF_8)
                        + "&_csrf=" + client.csrfToken()).getBytes(java.nio.charset.StandardCharsets.US_ASCII),
                Map.of("User-Agent", userAgent));
        assertThat(answer.location()).doesNotContain("error");
        assertThat(client.secondFactor(account.email())).isTrue();
        return client;
    }

    private WebClient browser() {
        return WebClient.forPort(port).acceptingHtml();
    }
}
