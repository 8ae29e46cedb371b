package kr.kaesongcrossing.system;

import static org.assertj.core.api.Assertions.assertThat;
import static kr.kaesongcrossing.account.SignedIn.signedIn;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.Cookie;
import kr.kaesongcrossing.account.AccountPrincipal;
import kr.kaesongcrossing.account.Role;
import kr.kaesongcrossing.account.TestAccounts;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

/** Error pages come in the person's language, inside the normal layout, and never show technical detail. */
@SpringBootTest
@AutoConfigureMockMvc
class ErrorPagesTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    TestAccounts accounts;

    AccountPrincipal civilian;
    AccountPrincipal admin;

    @BeforeEach
    void setUp() {
        civilian = accounts.create(Role.CIVILIAN);
        admin = accounts.create(Role.ADMIN);
    }

    @Test
    void shouldShowForbiddenInKoreanByDefaultAndInEnglishOnRequest() throws Exception {
        MockHttpServletResponse ko = mvc.perform(get("/admin/users").with(signedIn(civilian))).andReturn().getResponse();
        assertThat(ko.getStatus()).isEqualTo(403);
        assertThat(forwardedErrorPage(ko, "/admin/users")).contains("접근 권한이 없습니다");

        MockHttpServletResponse en = mvc.perform(get("/admin/users").cookie(new Cookie("KCLANG", "en"))
                .with(signedIn(civilian))).andReturn().getResponse();
        assertThat(forwardedErrorPage(en, "/admin/users", "en", 403)).contains("Access denied");
    }

    @Test
    void shouldShowNotFoundWithoutDetail() throws Exception {
        String page = errorPage(404, "/no/such/page", "ko", null);
        assertThat(page).contains("페이지를 찾을 수 없습니다");
        assertClean(page);
    }

    @Test
    void shouldShowServerErrorWithoutExceptionText() throws Exception {
        String page = errorPage(500, "/boom", "en", new IllegalStateException("secret table user_account detail"));
        assertThat(page).contains("Something went wrong");
        assertClean(page);
        assertThat(page).doesNotContain("secret table");
    }

    @Test
    void shouldAnswerBadPageNumberWithLocalizedBadRequest() throws Exception {
        MockHttpServletResponse response = mvc.perform(get("/admin/users").param("page", "abc")
                .cookie(new Cookie("KCLANG", "en")).with(signedIn(admin))).andReturn().getResponse();
        assertThat(response.getStatus()).isEqualTo(400);
        String page = forwardedErrorPage(response, "/admin/users", "en", 400);
        assertThat(page).contains("The request is not valid");
        assertClean(page);
    }

    @Test
    void shouldIgnoreUnsupportedOrMalformedLanguage() throws Exception {
        for (String lang : new String[] {"xx", "fr", "english", "%%%", "<script>", ""}) {
            MockHttpServletResponse response = mvc.perform(get("/login").param("lang", lang)).andReturn()
                    .getResponse();
            assertThat(response.getStatus()).as(lang).isEqualTo(200);
            assertThat(response.getContentAsString()).as(lang).contains("<html lang=\"ko\"", "로그인");
        }
        MockHttpServletResponse tampered = mvc.perform(get("/login").cookie(new Cookie("KCLANG", "de")))
                .andReturn().getResponse();
        assertThat(tampered.getContentAsString()).contains("<html lang=\"ko\"");
    }

    private String forwardedErrorPage(MockHttpServletResponse response, String uri) throws Exception {
        return forwardedErrorPage(response, uri, "ko", response.getStatus());
    }

    /** MockMvc does not forward to /error itself: render the page the container would show for this response. */
    private String forwardedErrorPage(MockHttpServletResponse response, String uri, String lang, int status)
            throws Exception {
        assertThat(response.getStatus()).isEqualTo(status);
        return errorPage(status, uri, lang, null);
    }

    private String errorPage(int status, String uri, String lang, Throwable exception) throws Exception {
        var request = get("/error").cookie(new Cookie("KCLANG", lang)).with(signedIn(civilian))
                .requestAttr(RequestDispatcher.ERROR_STATUS_CODE, status)
                .requestAttr(RequestDispatcher.ERROR_REQUEST_URI, uri)
                .accept("text/html");
        if (exception != null) {
            request.requestAttr(RequestDispatcher.ERROR_EXCEPTION, exception)
                    .requestAttr(RequestDispatcher.ERROR_MESSAGE, exception.getMessage());
        }
        MockHttpServletResponse page = mvc.perform(request).andReturn().getResponse();
        assertThat(page.getStatus()).isEqualTo(status);
        assertThat(page.getContentType()).startsWith("text/html");
        return page.getContentAsString();
    }

    private static void assertClean(String page) {
        assertThat(page).doesNotContain("Exception", "at kr.", "at org.", "java.", "trace", "Whitelabel");
        assertThat(page).contains("<header", "<footer");
    }
}
