package kr.kaesongcrossing.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Throttling through the real login form. Each test logs in from its own (documentation-range) client address so
 * the per-address counter of one test does not affect another.
 */
@SpringBootTest(properties = "kc.login.max-failures-per-address=20")
@AutoConfigureMockMvc
class LoginThrottlingTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    TestAccounts accounts;

    @Autowired
    LoginSettings settings;

    @Test
    void shouldLockAnAccountAfterRepeatedWrongPasswordsEvenForTheRightPassword() throws Exception {
        AccountPrincipal user = accounts.create(Role.CIVILIAN);
        String address = "198.51.100.11";

        for (int i = 0; i < settings.maxFailuresPerAccount(); i++) {
            assertThat(login(user.email(), "wrong password " + i, address).getRedirectedUrl())
                    .isEqualTo("/login?error");
        }

        assertThat(accounts.find(user.email()).orElseThrow().lockSet()).isTrue();
        assertThat(login(user.email(), TestAccounts.PASSWORD, "198.51.100.12").getRedirectedUrl())
                .isEqualTo("/login?error");
    }

    @Test
    void shouldLetTheRightPasswordInAndResetTheCountBeforeTheLimit() throws Exception {
        // a civilian: a staff member's count starts again only after the second factor (SecondFactorTests)
        AccountPrincipal user = accounts.create(Role.CIVILIAN);
        String address = "198.51.100.21";
        login(user.email(), "wrong password", address);

        assertThat(login(user.email(), TestAccounts.PASSWORD, address).getRedirectedUrl()).isEqualTo("/");
        assertThat(accounts.find(user.email()).orElseThrow().failedLogins()).isZero();
    }

    @Test
    void shouldAnswerUnknownAndKnownAccountsTheSameWay() throws Exception {
        AccountPrincipal user = accounts.create(Role.CIVILIAN);

        MockHttpServletResponse known = login(user.email(), "wrong password", "198.51.100.31");
        MockHttpServletResponse unknown = login("nobody-" + UUID.randomUUID() + "@test.example", "wrong password",
                "198.51.100.32");

        assertThat(known.getStatus()).isEqualTo(unknown.getStatus()).isEqualTo(302);
        assertThat(known.getRedirectedUrl()).isEqualTo(unknown.getRedirectedUrl()).isEqualTo("/login?error");
    }

    @Test
    void shouldBlockAnAddressAfterTooManyFailuresWhateverTheAccount() throws Exception {
        AccountPrincipal user = accounts.create(Role.CIVILIAN);
        String address = "198.51.100.41";
        for (int i = 0; i < settings.maxFailuresPerAddress(); i++) {
            login("guess-" + i + "-" + UUID.randomUUID() + "@test.example", "wrong password", address);
        }

        assertThat(login(user.email(), TestAccounts.PASSWORD, address).getRedirectedUrl()).isEqualTo("/login?error");
        assertThat(login(user.email(), TestAccounts.PASSWORD, "198.51.100.42").getRedirectedUrl()).isEqualTo("/");
    }

    @Test
    void shouldRefuseADisabledAccountWithTheSameMessage() throws Exception {
        AccountPrincipal admin = accounts.create(Role.ADMIN);
        AccountPrincipal user = accounts.create(Role.CHECKPOINT);
        mvc.perform(post("/admin/users/{id}/disable", user.id()).with(csrf())
                .with(SignedIn.signedIn(admin)));

        assertThat(login(user.email(), TestAccounts.PASSWORD, "198.51.100.51").getRedirectedUrl())
                .isEqualTo("/login?error");
    }

    private MockHttpServletResponse login(String email, String password, String address) throws Exception {
        return mvc.perform(post("/login").with(csrf()).param("username", email).param("password", password)
                .with(request -> {
                    request.setRemoteAddr(address);
                    return request;
                })).andReturn().getResponse();
    }
}
