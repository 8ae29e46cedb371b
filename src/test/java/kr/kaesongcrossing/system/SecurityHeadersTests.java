package kr.kaesongcrossing.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

@SpringBootTest
@AutoConfigureMockMvc
class SecurityHeadersTests {

    @Autowired
    MockMvc mvc;

    @Test
    void shouldSendTheSecurityHeadersOnPages() throws Exception {
        MockHttpServletResponse page = mvc.perform(get("/login")).andReturn().getResponse();

        String csp = page.getHeader("Content-Security-Policy");
        assertThat(csp).contains("object-src 'none'", "base-uri 'none'", "frame-ancestors 'none'",
                "script-src 'self'", "default-src 'self'");
        assertThat(csp).doesNotContain("unsafe-inline", "unsafe-eval");
        assertThat(page.getHeader("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(page.getHeader("Referrer-Policy")).isEqualTo("same-origin");
        assertThat(page.getHeader("X-Frame-Options")).isEqualTo("DENY");
        assertThat(page.getHeader("Cache-Control")).contains("no-store");
        assertThat(page.getHeader("Strict-Transport-Security")).as("no HSTS over plain HTTP").isNull();
    }

    @Test
    void shouldSendHstsOverHttps() throws Exception {
        MockHttpServletResponse page = mvc.perform(get("/login").secure(true)).andReturn().getResponse();

        assertThat(page.getHeader("Strict-Transport-Security")).contains("max-age=31536000", "includeSubDomains");
    }

    @Test
    void shouldLetBrowsersCacheStaticFilesButStillSniffNothing() throws Exception {
        MockHttpServletResponse css = mvc.perform(get("/krds/css/krds.css")).andReturn().getResponse();

        assertThat(css.getStatus()).isEqualTo(200);
        assertThat(css.getHeader("Cache-Control")).contains("max-age=604800").doesNotContain("no-store");
        assertThat(css.getHeader("X-Content-Type-Options")).isEqualTo("nosniff");
    }

    @Test
    void shouldLinkOurStaticFilesByContentHashAndServeThem() throws Exception {
        String page = mvc.perform(get("/login")).andReturn().getResponse().getContentAsString();
        Matcher link = Pattern.compile("/css/app-[0-9a-f]{32}\\.css").matcher(page);

        assertThat(link.find()).as("a content-hashed link to app.css").isTrue();
        MockHttpServletResponse css = mvc.perform(get(link.group())).andReturn().getResponse();
        assertThat(css.getStatus()).isEqualTo(200);
        assertThat(css.getHeader("Cache-Control")).contains("max-age=604800");
        assertThat(mvc.perform(get("/css/no-such-file.css")).andReturn().getResponse().getStatus()).isEqualTo(404);
    }

    @Test
    void shouldAnswerHealthWithoutLoginAndWithoutDetails() throws Exception {
        MockHttpServletResponse health = mvc.perform(get("/actuator/health")).andReturn().getResponse();

        assertThat(health.getStatus()).isEqualTo(200);
        assertThat(health.getContentAsString()).contains("\"status\":\"UP\"").doesNotContain("components", "db");
    }
}
