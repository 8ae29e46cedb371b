package kr.kaesongcrossing.system;

import static kr.kaesongcrossing.account.Role.ADMIN;
import static kr.kaesongcrossing.account.Role.CHECKPOINT;
import static kr.kaesongcrossing.account.Role.CIVILIAN;
import static kr.kaesongcrossing.account.Role.OFFICER;
import static kr.kaesongcrossing.account.Role.SUPERVISOR;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static kr.kaesongcrossing.account.SignedIn.signedIn;
import static kr.kaesongcrossing.account.SignedIn.withPasswordOnly;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import kr.kaesongcrossing.account.AccountPrincipal;
import kr.kaesongcrossing.account.Role;
import kr.kaesongcrossing.account.TestAccounts;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * Every protected path x every role: allowed (anything but 401/403/5xx or a bounce to the login page; 404 is
 * fine until the module lands) or exactly 403; anonymous is redirected to /login; staff with the password alone are
 * sent to the second factor. Add a row when you add a page.
 */
@SpringBootTest
@AutoConfigureMockMvc
class SecurityMatrixTests {

    private static final Set<Role> EVERYONE = EnumSet.allOf(Role.class);
    private static final Set<Role> STAFF_LOG = EnumSet.of(CHECKPOINT, SUPERVISOR, OFFICER, ADMIN);
    private static final Set<Role> LANES = EnumSet.of(CHECKPOINT, SUPERVISOR);

    /** The table: method, path, roles allowed. Keep one line per page or action. */
    static final List<Rule> PROTECTED = List.of(
            Rule.get("/", EVERYONE),
            Rule.get("/applications", EnumSet.of(CIVILIAN)),
            Rule.get("/applications/new", EnumSet.of(CIVILIAN)),
            Rule.get("/applications/slots?entryDate=2040-01-10&returnDate=2040-01-12", EnumSet.of(CIVILIAN)),
            Rule.get("/passes", EVERYONE),
            Rule.post("/passes/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA/photo", STAFF_LOG),
            Rule.get("/review", EnumSet.of(OFFICER)),
            Rule.get("/review/consent", EnumSet.of(OFFICER)),
            Rule.get("/review/rebook", EnumSet.of(OFFICER)),
            Rule.post("/review/bulk", EnumSet.of(OFFICER)),
            Rule.post("/review/applications/999999999/slots", EnumSet.of(OFFICER)),
            Rule.post("/review/applications/999999999/id-number", EnumSet.of(OFFICER)),
            Rule.post("/review/applications/999999999/photo", EnumSet.of(OFFICER)),
            Rule.get("/review/screening/999999999", EnumSet.of(OFFICER)),
            Rule.post("/review/screening/999999999/matches/999999999/clear", EnumSet.of(OFFICER)),
            Rule.get("/review/slots", EnumSet.of(OFFICER)),
            Rule.get("/review/slots/N-2026-12-03-0845", EnumSet.of(OFFICER)),
            Rule.post("/review/slots/N-2026-12-03-0845/versions", EnumSet.of(OFFICER)),
            Rule.post("/review/slots/N-2026-12-03-0845/versions/1/sent", EnumSet.of(OFFICER)),
            Rule.get("/review/slots/N-2026-12-03-0845/versions/1/manifest.csv", EnumSet.of(OFFICER)),
            Rule.get("/review/slots/N-2026-12-03-0845/versions/1/manifest.pdf", EnumSet.of(OFFICER)),
            Rule.post("/review/slots/N-2026-12-03-0845/consent", EnumSet.of(OFFICER)),
            Rule.post("/review/slots/N-2026-12-03-0845/consent/import", EnumSet.of(OFFICER)),
            Rule.get("/checkpoint", LANES),
            Rule.post("/checkpoint/scans/00000000-0000/override", LANES),
            Rule.get("/checkpoint/vehicle", LANES),
            Rule.post("/checkpoint/vehicle/scan", LANES),
            Rule.get("/checkpoint/scans/00000000-0000/goods", LANES),
            Rule.post("/checkpoint/scans/00000000-0000/goods", LANES),
            Rule.get("/checkpoint/goods", STAFF_LOG),
            Rule.post("/checkpoint/goods/differences/999999999/close", LANES),
            Rule.post("/checkpoint/goods/trips/999999999/lines/0/close", LANES),
            Rule.get("/checkpoint/log", STAFF_LOG),
            Rule.get("/checkpoint/roster", STAFF_LOG),
            Rule.get("/checkpoint/live", STAFF_LOG),
            Rule.get("/checkpoint/route", STAFF_LOG),
            Rule.post("/checkpoint/route", EnumSet.of(SUPERVISOR, ADMIN)),
            Rule.post("/checkpoint/route/999999999/cancel", EnumSet.of(SUPERVISOR, ADMIN)),
            Rule.get("/checkpoint/day", EnumSet.of(CHECKPOINT, SUPERVISOR, ADMIN)),
            Rule.post("/checkpoint/day/sign", EnumSet.of(SUPERVISOR, ADMIN)),
            Rule.get("/checkpoint/conflicts", LANES),
            Rule.post("/checkpoint/conflicts/999999999/acknowledge", EnumSet.of(SUPERVISOR)),
            Rule.get("/station/pair", EnumSet.of(SUPERVISOR)),
            Rule.post("/station/pair", EnumSet.of(SUPERVISOR)),
            Rule.get("/admin/users", EnumSet.of(ADMIN)),
            Rule.get("/admin/users/new", EnumSet.of(ADMIN)),
            Rule.post("/account/language", EVERYONE),
            Rule.get("/account/password", EVERYONE),
            Rule.post("/account/password", EVERYONE),
            Rule.get("/account/sessions", EVERYONE),
            Rule.post("/account/sessions/0123456789abcdef01234567/end", EVERYONE),
            Rule.post("/account/sessions/end-others", EVERYONE),
            Rule.get("/account/passkeys", EVERYONE),
            Rule.post("/account/passkeys/delete", EVERYONE),
            Rule.post("/webauthn/register", EVERYONE),
            Rule.get("/account/second-factor", EVERYONE),
            Rule.post("/account/second-factor", EVERYONE),
            Rule.get("/account/second-factor/enrol", EVERYONE),
            Rule.post("/account/second-factor/enrol", EVERYONE),
            Rule.post("/account/second-factor/passkey", EVERYONE),
            Rule.post("/admin/users", EnumSet.of(ADMIN)),
            Rule.post("/admin/users/999999999/role", EnumSet.of(ADMIN)),
            Rule.post("/admin/users/999999999/disable", EnumSet.of(ADMIN)),
            Rule.post("/admin/users/999999999/enable", EnumSet.of(ADMIN)),
            Rule.post("/admin/users/999999999/sessions/end", EnumSet.of(ADMIN)),
            Rule.post("/admin/users/999999999/second-factors/reset", EnumSet.of(ADMIN)),
            Rule.get("/permits", EnumSet.of(CIVILIAN)),
            Rule.post("/permits/999999999/book", EnumSet.of(CIVILIAN)),
            Rule.post("/permits/renewals", EnumSet.of(CIVILIAN)),
            Rule.get("/review/permits", EnumSet.of(OFFICER)),
            Rule.post("/review/permits", EnumSet.of(OFFICER)),
            Rule.post("/review/permits/999999999/revoke", EnumSet.of(OFFICER)),
            Rule.post("/review/permits/renewals/999999999/grant", EnumSet.of(OFFICER)),
            Rule.post("/review/permits/renewals/999999999/decline", EnumSet.of(OFFICER)),
            Rule.get("/organisations", EnumSet.of(CIVILIAN, OFFICER)),
            Rule.post("/organisations/999999999/join", EnumSet.of(CIVILIAN)),
            Rule.get("/organisations/999999999", EnumSet.of(CIVILIAN, OFFICER)),
            Rule.post("/organisations/999999999/requests/999999999/accept", EnumSet.of(CIVILIAN, OFFICER)),
            Rule.post("/organisations/999999999/requests/999999999/decline", EnumSet.of(CIVILIAN, OFFICER)),
            Rule.post("/organisations/999999999/members/999999999/remove", EnumSet.of(CIVILIAN, OFFICER)),
            Rule.get("/admin/organisations", EnumSet.of(ADMIN)),
            Rule.get("/admin/organisations/new", EnumSet.of(ADMIN)),
            Rule.post("/admin/organisations", EnumSet.of(ADMIN)),
            Rule.get("/admin/organisations/999999999", EnumSet.of(ADMIN)),
            Rule.post("/admin/organisations/999999999", EnumSet.of(ADMIN)),
            Rule.post("/admin/organisations/999999999/coordinators", EnumSet.of(ADMIN)),
            Rule.get("/admin/goods-categories", EnumSet.of(ADMIN)),
            Rule.post("/admin/goods-categories", EnumSet.of(ADMIN)),
            Rule.post("/admin/goods-categories/999999999", EnumSet.of(ADMIN)),
            Rule.get("/reports", EnumSet.of(SUPERVISOR, OFFICER, ADMIN)),
            Rule.get("/reports/monthly?month=2026-11", EnumSet.of(SUPERVISOR, OFFICER, ADMIN)),
            Rule.get("/reports/monthly.csv?month=2026-11", EnumSet.of(SUPERVISOR, OFFICER, ADMIN)),
            Rule.get("/reports/monthly.pdf?month=2026-11", EnumSet.of(SUPERVISOR, OFFICER, ADMIN)),
            Rule.get("/vehicles", EnumSet.of(CIVILIAN)),
            Rule.get("/vehicles/new", EnumSet.of(CIVILIAN)),
            Rule.post("/vehicles/new", EnumSet.of(CIVILIAN)),
            Rule.get("/vehicles/999999999", EnumSet.of(CIVILIAN)),
            Rule.post("/vehicles/999999999", EnumSet.of(CIVILIAN)),
            Rule.post("/vehicles/999999999/retire", EnumSet.of(CIVILIAN)),
            Rule.get("/profile", EnumSet.of(CIVILIAN)),
            Rule.post("/profile", EnumSet.of(CIVILIAN)),
            Rule.get("/profile/999999999", EnumSet.of(CIVILIAN)),
            Rule.get("/profile/999999999/photo", EnumSet.of(CIVILIAN)),
            Rule.get("/profile/organisations/999999999", EnumSet.of(CIVILIAN)),
            Rule.get("/profile/organisations/999999999/new", EnumSet.of(CIVILIAN)),
            Rule.post("/profile/organisations/999999999/new", EnumSet.of(CIVILIAN)),
            Rule.get("/profile/organisations/999999999/999999999", EnumSet.of(CIVILIAN)),
            Rule.post("/profile/organisations/999999999/999999999", EnumSet.of(CIVILIAN)),
            Rule.get("/groups", EnumSet.of(CIVILIAN)),
            Rule.get("/groups/new?organisation=999999999", EnumSet.of(CIVILIAN)),
            Rule.post("/groups/new?organisation=999999999", EnumSet.of(CIVILIAN)),
            Rule.get("/groups/999999999", EnumSet.of(CIVILIAN)),
            Rule.get("/review/groups/999999999", EnumSet.of(OFFICER)),
            Rule.post("/review/groups/999999999/decide", EnumSet.of(OFFICER)),
            Rule.post("/admin/organisations/999999999/coordinators/999999999/demote", EnumSet.of(ADMIN)),
            Rule.get("/admin/devices", EnumSet.of(ADMIN)),
            Rule.get("/admin/keys", EnumSet.of(ADMIN)),
            Rule.get("/admin/mail", EnumSet.of(ADMIN)),
            Rule.get("/admin/audit", EnumSet.of(ADMIN)),
            Rule.post("/admin/audit/verify", EnumSet.of(ADMIN)),
            Rule.post("/admin/audit/export", EnumSet.of(ADMIN)),
            Rule.get("/admin/retention", EnumSet.of(ADMIN)),
            Rule.get("/admin/retention/preview", EnumSet.of(ADMIN)),
            Rule.post("/admin/retention", EnumSet.of(ADMIN)),
            Rule.post("/admin/retention/run", EnumSet.of(ADMIN)),
            Rule.get("/admin/watchlist", EnumSet.of(ADMIN)),
            Rule.post("/admin/watchlist", EnumSet.of(ADMIN)),
            Rule.post("/admin/watchlist/999999999/remove", EnumSet.of(ADMIN)),
            Rule.post("/admin/watchlist/import", EnumSet.of(ADMIN)),
            Rule.post("/admin/watchlist/import/confirm", EnumSet.of(ADMIN)),
            Rule.get("/admin/schedule", EnumSet.of(ADMIN)),
            Rule.post("/admin/schedule/timetable", EnumSet.of(ADMIN)),
            Rule.post("/admin/schedule/timetable/999999999/caps", EnumSet.of(ADMIN)),
            Rule.post("/admin/schedule/timetable/999999999/remove", EnumSet.of(ADMIN)),
            Rule.post("/admin/schedule/closed-days", EnumSet.of(ADMIN)),
            Rule.post("/admin/schedule/closed-days/2040-01-01/reopen", EnumSet.of(ADMIN)),
            Rule.get("/admin/schedule/day", EnumSet.of(ADMIN)),
            Rule.post("/admin/schedule/day/slots", EnumSet.of(ADMIN)),
            Rule.post("/admin/schedule/slots/N-2040-01-01-0830/caps", EnumSet.of(ADMIN)),
            Rule.post("/admin/schedule/slots/N-2040-01-01-0830/cancel", EnumSet.of(ADMIN)),
            Rule.get("/actuator/info", EnumSet.of(ADMIN)),
            Rule.get("/actuator/metrics", EnumSet.of(ADMIN)),
            // the scanner API (its own chain: anonymous gets a JSON 401, see shouldAnswerAnonymousApiCallsWith401)
            Rule.post("/api/v1/scans", LANES),
            Rule.get("/api/v1/scans/00000000-0000/photo", LANES),
            Rule.get("/api/v1/revocations", STAFF_LOG),
            // a scan station's own calls: its device credential only, never a staff session
            Rule.get("/api/v1/station/data", EnumSet.noneOf(Role.class)),
            Rule.post("/api/v1/scans/batch", EnumSet.noneOf(Role.class)));

    /** Open to everyone, signed in or not (404 allowed until the module lands). */
    static final List<String> PUBLIC = List.of("/login", "/login?logout", "/login?error", "/login?expired", "/register",
            "/password/forgot", "/password/reset", "/password/reset?token=unknown", "/actuator/health", "/.well-known/jwks.json",
            "/krds/css/krds.css", "/css/app.css", "/station/", "/station/sw.js", "/station/manifest.webmanifest",
            "/img/station-icon-192.png", "/js/station.js", "/js/station-store.js", "/js/station-pair.js",
            "/css/station.css", "/audio/accept.wav");

    /** Forms anyone may send, signed in or not: sent empty, they come back with the form's own answer. */
    static final List<String> PUBLIC_FORMS = List.of("/password/forgot", "/password/reset");

    record Rule(String method, String path, Set<Role> allowed) {
        static Rule get(String path, Set<Role> allowed) {
            return new Rule("GET", path, allowed);
        }

        static Rule post(String path, Set<Role> allowed) {
            return new Rule("POST", path, allowed);
        }

        MockHttpServletRequestBuilder request() {
            return "POST".equals(method)
                    ? org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post(path).with(csrf())
                    : org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get(path);
        }

        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    private static final Map<Role, AccountPrincipal> PRINCIPALS = new EnumMap<>(Role.class);

    @Autowired
    MockMvc mvc;

    @Autowired
    TestAccounts accounts;

    static Stream<Arguments> pathsAndRoles() {
        return PROTECTED.stream().flatMap(rule -> Stream.of(Role.values()).map(role -> Arguments.of(rule, role)));
    }

    @ParameterizedTest(name = "{0} as {1}")
    @MethodSource("pathsAndRoles")
    void shouldAllowOrForbidEachRole(Rule rule, Role role) throws Exception {
        AccountPrincipal principal = PRINCIPALS.computeIfAbsent(role, accounts::create);
        MockHttpServletResponse response = mvc.perform(rule.request().with(signedIn(principal))).andReturn().getResponse();
        if (rule.allowed().contains(role)) {
            assertThat(response.getStatus()).as("%s as %s", rule, role).isNotIn(401, 403).isLessThan(500);
            assertThat(String.valueOf(response.getRedirectedUrl())).doesNotEndWith("/login");
        } else {
            assertThat(response.getStatus()).as("%s as %s", rule, role).isEqualTo(403);
        }
    }

    /** Staff with the password alone: every page of theirs sends them to the second factor (the API refuses). */
    @ParameterizedTest(name = "{0} as {1} with the password alone")
    @MethodSource("staffPathsAndRoles")
    void shouldSendStaffWithThePasswordAloneToTheSecondFactor(Rule rule, Role role) throws Exception {
        AccountPrincipal principal = PRINCIPALS.computeIfAbsent(role, accounts::create);
        MockHttpServletResponse response = mvc.perform(rule.request().with(withPasswordOnly(principal)))
                .andReturn().getResponse();
        if (rule.path().startsWith("/api/")) {
            assertThat(response.getStatus()).as("%s as %s", rule, role).isEqualTo(403);
        } else if (SECOND_FACTOR_PAGES.contains(rule.path())) {
            assertThat(response.getStatus()).as("%s as %s", rule, role).isNotIn(401, 403).isLessThan(500);
        } else {
            assertThat(response.getRedirectedUrl()).as("%s as %s", rule, role)
                    .startsWith("/account/second-factor?continue=%2F");
        }
    }

    static Stream<Arguments> staffPathsAndRoles() {
        return PROTECTED.stream().flatMap(rule -> rule.allowed().stream().filter(Role::isStaff)
                .map(role -> Arguments.of(rule, role)));
    }

    /** Reachable by staff with the password alone (besides signing out and the error pages). */
    static final Set<String> SECOND_FACTOR_PAGES = Set.of("/account/second-factor", "/account/second-factor/enrol",
            "/account/second-factor/passkey", "/account/language");

    /** Who calls Spring's passkey endpoints; staff are officers, enrolled with an app unless said otherwise. */
    enum Caller { ANONYMOUS, CIVILIAN, STAFF_PASSWORD_ONLY, STAFF_NOT_ENROLLED, STAFF_FULL }

    /**
     * Spring's passkey endpoints (the page's script calls them; most answer before the page rules): what each caller
     * gets, as a status or "login" / "second-factor" for a redirect there. Sent with an empty JSON body, so an allowed
     * registration or sign-in is a 400 or 401 for the body, never a 403.
     */
    static Stream<Arguments> webAuthnEndpoints() {
        return Stream.of(
                Arguments.of("POST", "/webauthn/authenticate/options",
                        List.of("200", "200", "200", "200", "200")),
                Arguments.of("POST", "/login/webauthn", List.of("401", "401", "401", "401", "401")),
                Arguments.of("POST", "/webauthn/register/options",
                        List.of("400", "200", "second-factor", "200", "200")),
                Arguments.of("POST", "/webauthn/register",
                        List.of("login", "400", "second-factor", "400", "400")),
                Arguments.of("DELETE", "/webauthn/register/AAAA", List.of("login", "403", "403", "403", "403")))
                .flatMap(row -> Stream.of(Caller.values()).map(caller -> Arguments.of(row.get()[0], row.get()[1],
                        caller, ((List<?>) row.get()[2]).get(caller.ordinal()))));
    }

    @ParameterizedTest(name = "{0} {1} as {2}: {3}")
    @MethodSource("webAuthnEndpoints")
    void shouldGuardThePasskeyEndpoints(String method, String path, Caller caller, String expected) throws Exception {
        MockHttpServletRequestBuilder request = org.springframework.test.web.servlet.request.MockMvcRequestBuilders
                .request(org.springframework.http.HttpMethod.valueOf(method), path).with(csrf())
                .contentType("application/json").content("{}");
        switch (caller) {
            case CIVILIAN -> request.with(signedIn(PRINCIPALS.computeIfAbsent(CIVILIAN, accounts::create)));
            case STAFF_PASSWORD_ONLY -> request.with(withPasswordOnly(PRINCIPALS.computeIfAbsent(OFFICER,
                    accounts::create)));
            case STAFF_NOT_ENROLLED -> request.with(withPasswordOnly(accounts.createNotEnrolled(OFFICER)));
            case STAFF_FULL -> request.with(signedIn(PRINCIPALS.computeIfAbsent(OFFICER, accounts::create)));
            case ANONYMOUS -> { }
        }
        MockHttpServletResponse response = mvc.perform(request).andReturn().getResponse();
        String outcome = response.getStatus() != 302 ? String.valueOf(response.getStatus())
                : response.getRedirectedUrl().endsWith("/login") ? "login"
                : response.getRedirectedUrl().startsWith("/account/second-factor") ? "second-factor"
                : response.getRedirectedUrl();
        assertThat(outcome).as("%s %s as %s", method, path, caller).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} anonymous")
    @MethodSource("protectedRules")
    void shouldSendAnonymousToLogin(Rule rule) throws Exception {
        MockHttpServletResponse response = mvc.perform(rule.request()).andReturn().getResponse();
        assertThat(response.getStatus()).as(rule.toString()).isEqualTo(302);
        assertThat(response.getRedirectedUrl()).as(rule.toString()).endsWith("/login");
    }

    static Stream<Rule> protectedRules() {
        return PROTECTED.stream().filter(rule -> !rule.path().startsWith("/api/"));
    }

    @ParameterizedTest(name = "{0} anonymous")
    @MethodSource("apiRules")
    void shouldAnswerAnonymousApiCallsWith401(Rule rule) throws Exception {
        MockHttpServletResponse response = mvc.perform(rule.request()).andReturn().getResponse();
        assertThat(response.getStatus()).as(rule.toString()).isEqualTo(401);
        assertThat(response.getContentType()).as(rule.toString()).startsWith("application/json");
    }

    static Stream<Rule> apiRules() {
        return PROTECTED.stream().filter(rule -> rule.path().startsWith("/api/"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("publicPaths")
    void shouldServePublicPathsWithoutLogin(String path) throws Exception {
        int status = mvc.perform(get(path)).andReturn().getResponse().getStatus();
        assertThat(status).as(path).isIn(200, 404);
        if (!path.equals("/.well-known/jwks.json")) {
            assertThat(status).as(path).isEqualTo(200);
        }
    }

    static Stream<String> publicPaths() {
        return PUBLIC.stream();
    }

    @ParameterizedTest(name = "POST {0}")
    @MethodSource("publicForms")
    void shouldTakePublicFormsWithoutLogin(String path) throws Exception {
        assertThat(mvc.perform(post(path).with(csrf())).andReturn().getResponse().getStatus()).as(path).isEqualTo(200);
    }

    static Stream<String> publicForms() {
        return PUBLIC_FORMS.stream();
    }
}
