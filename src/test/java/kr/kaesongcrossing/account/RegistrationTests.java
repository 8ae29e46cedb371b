package kr.kaesongcrossing.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static kr.kaesongcrossing.account.SignedIn.signedIn;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;

import java.util.Properties;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.support.PropertiesLoaderUtils;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

@SpringBootTest
@AutoConfigureMockMvc
class RegistrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    TestAccounts accounts;

    @Test
    void shouldRegisterACivilianWithABcryptHashAndTheChosenLanguage() throws Exception {
        String email = "New-" + UUID.randomUUID() + "@Test.Example";

        MockHttpServletResponse response = register(email, "김하늘", "lanterns drift over the imjin", "en");

        assertThat(response.getRedirectedUrl()).isEqualTo("/login");
        TestAccounts.Snapshot saved = accounts.find(email).orElseThrow();
        assertThat(saved.email()).isEqualTo(email.toLowerCase(java.util.Locale.ROOT));
        assertThat(saved.role()).isEqualTo(Role.CIVILIAN);
        assertThat(saved.language()).isEqualTo("en");
        assertThat(saved.passwordHash()).startsWith("$2a$04$").doesNotContain("lanterns"); // the tests' cost
    }

    @Test
    void shouldHashPasswordsAtCostElevenOutsideTheTests() throws Exception {
        Properties production = PropertiesLoaderUtils.loadProperties(new ClassPathResource("application.properties"));

        assertThat(production.getProperty("kc.password.bcrypt-cost")).isEqualTo("11");
    }

    @Test
    void shouldSendASignedInPersonHomeInsteadOfTheSignInOrRegistrationForm() throws Exception {
        AccountPrincipal civilian = accounts.create(Role.CIVILIAN);
        for (String path : new String[] {"/login", "/register"}) {
            mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get(path)
                            .with(signedIn(civilian)))
                    .andExpect(redirectedUrl("/"));
        }
    }

    @Test
    void shouldShowEachFieldOnceWithItsLabel() throws Exception {
        String page = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get("/register")
                .param("lang", "en")).andReturn().getResponse().getContentAsString();

        for (String field : new String[] {"email", "displayName", "password", "language"}) {
            assertThat(page.split("name=\"" + field + "\"", -1)).as(field).hasSize(2);
            assertThat(page).contains("<label for=\"" + field + "\"");
        }
        assertThat(page).contains("At least 12 characters");
    }

    @Test
    void shouldRefuseACommonPasswordInTheVisitorsLanguage() throws Exception {
        String email = "weak-" + UUID.randomUUID() + "@test.example";

        MockHttpServletResponse response = register(email, "Weak", "password1234", "ko");

        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(response.getContentAsString()).contains("너무 흔하거나 추측하기 쉬운 비밀번호입니다");
        assertThat(accounts.find(email)).isEmpty();
    }

    @Test
    void shouldRefuseAShortPassword() throws Exception {
        String email = "short-" + UUID.randomUUID() + "@test.example";

        MockHttpServletResponse response = register(email, "Short", "tiny words", "ko");

        assertThat(response.getContentAsString()).contains("12자 이상 128자 이하");
        assertThat(accounts.find(email)).isEmpty();
    }

    @Test
    void shouldRefuseAnEmailThatIsAlreadyRegisteredWhateverItsCase() throws Exception {
        AccountPrincipal existing = accounts.create(Role.CIVILIAN);

        MockHttpServletResponse response = register(existing.email().toUpperCase(java.util.Locale.ROOT), "Again",
                "lanterns drift over the imjin", "ko");

        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(response.getContentAsString()).contains("이미 가입된 이메일입니다");
    }

    @Test
    void shouldNotLetAVisitorChooseARole() throws Exception {
        String email = "sneaky-" + UUID.randomUUID() + "@test.example";

        mvc.perform(post("/register").with(csrf()).param("email", email).param("displayName", "Sneaky")
                .param("password", "lanterns drift over the imjin").param("language", "ko").param("role", "ADMIN"));

        assertThat(accounts.find(email).orElseThrow().role()).isEqualTo(Role.CIVILIAN);
    }

    private MockHttpServletResponse register(String email, String name, String password, String language)
            throws Exception {
        return mvc.perform(post("/register").with(csrf()).param("email", email).param("displayName", name)
                .param("password", password).param("language", language)).andReturn().getResponse();
    }
}
