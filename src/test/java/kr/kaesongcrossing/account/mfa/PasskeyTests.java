package kr.kaesongcrossing.account.mfa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import kr.kaesongcrossing.WebClient;
import kr.kaesongcrossing.account.AccountPrincipal;
import kr.kaesongcrossing.account.Accounts;
import kr.kaesongcrossing.account.Role;
import kr.kaesongcrossing.account.SignedIn;
import kr.kaesongcrossing.account.TestAccounts;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.web.webauthn.api.AuthenticatorTransport;
import org.springframework.security.web.webauthn.api.Bytes;
import org.springframework.security.web.webauthn.api.ImmutableCredentialRecord;
import org.springframework.security.web.webauthn.api.ImmutablePublicKeyCose;
import org.springframework.security.web.webauthn.api.ImmutablePublicKeyCredentialUserEntity;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialType;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialUserEntity;
import org.springframework.security.web.webauthn.management.PublicKeyCredentialUserEntityRepository;
import org.springframework.security.web.webauthn.management.UserCredentialRepository;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * The rules around passkeys on the real database (the passkeys themselves are stored through Spring's repositories
 * as a registration would; making and using them with an authenticator is PasskeyJourneyTests): a passkey counts as
 * enrolment, staff register one with the password alone only while they have no second factor, never delete their
 * only one, nobody deletes another person's, an administrator's reset removes them, and a disabled or locked
 * account gets no passkey sign-in.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
class PasskeyTests {

    @Autowired
    MockMvc mvc;

    @LocalServerPort
    int port;

    @Autowired
    TestAccounts accounts;

    @Autowired
    PasskeyStore passkeys;

    @Autowired
    PublicKeyCredentialUserEntityRepository users;

    @Autowired
    UserCredentialRepository credentials;

    @Autowired
    Accounts accountsApi;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void shouldLetStaffRegisterAFirstPasskeyWithThePasswordAloneButNoneAfterThat() throws Exception {
        AccountPrincipal officer = accounts.createNotEnrolled(Role.OFFICER);
        assertThat(register(SignedIn.withPasswordOnly(officer)).getStatus()).as("enrolment: allowed, the body is empty")
                .isEqualTo(400);

        givePasskey(officer, "laptop");

        MockHttpServletResponse codePage = mvc.perform(get("/account/second-factor")
                .with(SignedIn.withPasswordOnly(officer))).andReturn().getResponse();
        assertThat(codePage.getStatus()).as("enrolled: the code page, not enrolment").isEqualTo(200);
        assertThat(codePage.getContentAsString()).contains("패스키 사용");
        assertThat(register(SignedIn.withPasswordOnly(officer)).getRedirectedUrl())
                .startsWith("/account/second-factor?continue=");
        assertThat(register(SignedIn.withFactors(officer, Instant.now().minus(Duration.ofMinutes(6))))
                .getRedirectedUrl()).as("a second factor too old for a new one").startsWith("/account/second-factor");
        assertThat(register(SignedIn.signedIn(officer)).getStatus()).isEqualTo(400);
        assertThat(mvc.perform(post("/webauthn/register/options").with(SignedIn.withFactors(officer,
                Instant.now().minus(Duration.ofMinutes(6)))).with(csrf())).andReturn().getResponse()
                .getRedirectedUrl()).as("asked before the authenticator makes a passkey")
                .startsWith("/account/second-factor?continue=");
        assertThat(mvc.perform(post("/webauthn/register/options").with(SignedIn.signedIn(officer)).with(csrf()))
                .andReturn().getResponse().getStatus()).isEqualTo(200);
    }

    @Test
    void shouldGiveTheRecoveryCodesOnceAfterTheFirstPasskeySignIn() throws Exception {
        AccountPrincipal officer = accounts.createNotEnrolled(Role.OFFICER);
        givePasskey(officer, "laptop"); // made, then the enrolment was interrupted before using it
        assertThat(mvc.perform(post("/account/second-factor/passkey").param("continue", "/review")
                .with(SignedIn.withPasswordOnly(officer)).with(csrf())).andReturn().getResponse().getRedirectedUrl())
                .as("the password alone is not the passkey").isEqualTo("/account/second-factor?continue=%2Freview");

        MockHttpServletResponse first = mvc.perform(post("/account/second-factor/passkey")
                .param("continue", "/review").with(withPasskey(officer)).with(csrf())).andReturn().getResponse();

        assertThat(first.getStatus()).isEqualTo(200);
        assertThat(first.getContentAsString()).contains("패스키 설정을 마쳤습니다.");
        assertThat(java.util.regex.Pattern.compile("<code>[a-z2-9]{5}-[a-z2-9]{5}</code>")
                .matcher(first.getContentAsString()).results().count()).isEqualTo(10);
        assertThat(mvc.perform(post("/account/second-factor/passkey").param("continue", "/review")
                .with(withPasskey(officer)).with(csrf())).andReturn().getResponse().getRedirectedUrl())
                .as("shown once").isEqualTo("/review");
    }

    @Test
    void shouldRefuseToDeleteTheOnlySecondFactorOfAStaffMember() throws Exception {
        AccountPrincipal officer = accounts.createNotEnrolled(Role.OFFICER);
        String only = givePasskey(officer, "laptop");

        MvcResult refused = delete(officer, only);

        assertThat(refused.getResponse().getRedirectedUrl()).isEqualTo("/account/passkeys");
        assertThat(refused.getFlashMap().get("problem")).asString().contains("유일한 두 번째 인증 수단입니다");
        assertThat(passkeys.count(officer.id())).isEqualTo(1);

        String spare = givePasskey(officer, "security key");
        assertThat(delete(officer, only).getFlashMap().get("message")).isEqualTo("passkeys.deleted");
        assertThat(passkeys.of(officer.id())).extracting(PasskeyStore.Passkey::id).containsExactly(spare);

        AccountPrincipal withApp = accounts.create(Role.OFFICER);
        String withAppsPasskey = givePasskey(withApp, "phone");
        assertThat(delete(withApp, withAppsPasskey).getFlashMap().get("message")).as("the app remains")
                .isEqualTo("passkeys.deleted");
        assertThat(passkeys.count(withApp.id())).isZero();
    }

    @Test
    void shouldNeitherShowNorDeleteSomeoneElsesPasskey() throws Exception {
        AccountPrincipal owner = accounts.create(Role.CIVILIAN);
        AccountPrincipal other = accounts.create(Role.CIVILIAN);
        String ownersPasskey = givePasskey(owner, "owner's tablet");

        assertThat(mvc.perform(get("/account/passkeys").with(SignedIn.signedIn(other))).andReturn().getResponse()
                .getContentAsString()).doesNotContain("owner's tablet", ownersPasskey);
        MvcResult refused = delete(other, ownersPasskey);

        assertThat(refused.getFlashMap().get("problem")).asString().contains("내 패스키 중에 없는 패스키입니다");
        assertThat(passkeys.count(owner.id())).isEqualTo(1);
        assertThat(delete(owner, ownersPasskey).getFlashMap().get("message")).as("a civilian's last one may go")
                .isEqualTo("passkeys.deleted");
    }

    @Test
    void shouldDeleteThePasskeysWhenAnAdministratorResetsTheSecondFactors() throws Exception {
        AccountPrincipal admin = accounts.create(Role.ADMIN);
        AccountPrincipal officer = accounts.create(Role.OFFICER);
        givePasskey(officer, "laptop");
        givePasskey(officer, "key");

        mvc.perform(post("/admin/users/" + officer.id() + "/second-factors/reset").with(SignedIn.signedIn(admin))
                .with(csrf())).andReturn();

        assertThat(passkeys.count(officer.id())).isZero();
        assertThat(users.findByUsername(officer.email())).isNull();
        assertThat(mvc.perform(get("/account/second-factor").with(SignedIn.withPasswordOnly(officer))).andReturn()
                .getResponse().getRedirectedUrl()).startsWith("/account/second-factor/enrol");
    }

    @Test
    void shouldGiveNoPasskeySignInToADisabledOrLockedAccount() {
        AccountPrincipal civilian = accounts.create(Role.CIVILIAN);
        assertThat(accountsApi.signInVerified(civilian.email())).get().extracting(AccountPrincipal::id)
                .isEqualTo(civilian.id());

        jdbc.update("UPDATE user_account SET locked_until = ? WHERE id = ?",
                java.sql.Timestamp.from(Instant.now().plus(Duration.ofDays(2))), civilian.id());
        assertThat(accountsApi.signInVerified(civilian.email())).isEmpty();

        jdbc.update("UPDATE user_account SET locked_until = NULL, enabled = FALSE WHERE id = ?", civilian.id());
        assertThat(accountsApi.signInVerified(civilian.email())).isEmpty();
        assertThat(accountsApi.signInVerified("nobody@test.example")).isEmpty();
    }

    @Test
    void shouldRefuseAForgedRegistrationWithoutAServerError() {
        AccountPrincipal civilian = accounts.create(Role.CIVILIAN);
        WebClient browser = WebClient.forPort(port);
        assertThat(browser.login(civilian.email(), TestAccounts.PASSWORD)).isTrue();
        browser.open("/account/passkeys");
        WebClient.Answer options = browser.postJson("/webauthn/register/options", "", Map.of());
        assertThat(options.status()).isEqualTo(200);
        assertThat(options.body()).contains("\"userVerification\":\"required\"", "\"residentKey\":\"required\"");

        WebClient.Answer forged = browser.postJson("/webauthn/register", """
                {"publicKey": {"label": "forged", "credential": {"id": "AAAA", "rawId": "AAAA",
                  "response": {"attestationObject": "AAAA", "clientDataJSON": "AAAA", "transports": []},
                  "type": "public-key", "clientExtensionResults": {}, "authenticatorAttachment": "platform"}}}
                """, Map.of());

        assertThat(forged.status()).isEqualTo(400);
        assertThat(forged.body()).as("refused by the relying party, not for its label").doesNotContain("label");
        assertThat(passkeys.count(civilian.id())).isZero();
        for (String label : new String[] {"", "   ", "x".repeat(65)}) {
            WebClient.Answer badLabel = browser.postJson("/webauthn/register",
                    "{\"publicKey\": {\"label\": \"" + label + "\", \"credential\": {}}}", Map.of());
            assertThat(badLabel.status()).isEqualTo(400);
            assertThat(badLabel.body()).as("the page asks for a name again").contains("\"problem\":\"label\"");
        }
        assertThat(browser.postJson("/webauthn/register", "{\"publicKey\": {\"label\": \"again\"}}", Map.of())
                .status()).as("the options are used up").isEqualTo(400);
    }

    /** Signed in with a passkey alone, just now. */
    private static RequestPostProcessor withPasskey(AccountPrincipal who) {
        java.util.List<org.springframework.security.core.GrantedAuthority> authorities =
                new java.util.ArrayList<>(who.getAuthorities());
        authorities.add(org.springframework.security.core.authority.FactorGrantedAuthority
                .withAuthority(SecondFactorGate.PASSKEY).issuedAt(Instant.now()).build());
        return org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors
                .authentication(org.springframework.security.authentication.UsernamePasswordAuthenticationToken
                        .authenticated(who, null, authorities));
    }

    private MockHttpServletResponse register(RequestPostProcessor who) throws Exception {
        return mvc.perform(post("/webauthn/register").with(who).with(csrf()).contentType("application/json")
                .content("{}")).andReturn().getResponse();
    }

    private MvcResult delete(AccountPrincipal who, String passkey) throws Exception {
        return mvc.perform(post("/account/passkeys/delete").param("passkey", passkey).with(SignedIn.signedIn(who))
                .with(csrf())).andReturn();
    }

    /** A passkey stored as Spring's registration stores one (the key itself is never checked here). */
    private String givePasskey(AccountPrincipal who, String label) {
        PublicKeyCredentialUserEntity user = users.findByUsername(who.email());
        if (user == null) {
            user = ImmutablePublicKeyCredentialUserEntity.builder().name(who.email()).displayName(who.email())
                    .id(Bytes.random()).build();
            users.save(user);
        }
        Bytes id = Bytes.random();
        credentials.save(ImmutableCredentialRecord.builder().credentialId(id).userEntityUserId(user.getId())
                .publicKey(new ImmutablePublicKeyCose(new byte[] {1, 2, 3})).signatureCount(0).uvInitialized(true)
                .backupEligible(false).backupState(false).credentialType(PublicKeyCredentialType.PUBLIC_KEY)
                .transports(Set.of(AuthenticatorTransport.INTERNAL)).label(label).build());
        return id.toBase64UrlString();
    }
}
