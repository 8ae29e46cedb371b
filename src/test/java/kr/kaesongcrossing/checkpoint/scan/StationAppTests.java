package kr.kaesongcrossing.checkpoint.scan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import jakarta.servlet.http.Cookie;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

/** The scan station's shell is an installable app anyone may load: it holds no data. */
@SpringBootTest
@AutoConfigureMockMvc
class StationAppTests {

    @Autowired
    MockMvc mvc;

    @Test
    void shouldServeTheShellAtStationSlashUnderTheStrictPolicy() throws Exception {
        assertThat(mvc.perform(get("/station")).andReturn().getResponse().getRedirectedUrl()).isEqualTo("/station/");

        MockHttpServletResponse page = mvc.perform(get("/station/").cookie(new Cookie("KCLANG", "en"))).andReturn().getResponse();

        assertThat(page.getStatus()).isEqualTo(200);
        assertThat(page.getHeader("Content-Security-Policy")).contains("script-src 'self'", "style-src 'self'")
                .doesNotContain("unsafe-inline");
        String html = page.getContentAsString();
        assertThat(html).contains("rel=\"manifest\"", "/js/station-", "id=\"station-texts\"",
                "\"station.status.online\":\"Online\"", "Scan station");
        assertThat(html).doesNotContain("<script>", " style=\"");
    }

    @Test
    void shouldDescribeTheAppInTheVisitorsLanguage() throws Exception {
        MockHttpServletResponse manifest = mvc.perform(get("/station/manifest.webmanifest").locale(Locale.KOREAN))
                .andReturn().getResponse();

        assertThat(manifest.getContentType()).startsWith("application/manifest+json");
        assertThat(manifest.getContentAsString()).contains("\"name\":\"개성 통행 검문 단말\"", "\"scope\":\"/station/\"",
                "\"start_url\":\"/station/\"", "/img/station-icon-192.png");
    }

    @Test
    void shouldServeTheServiceWorkerWithinTheStationsScope() throws Exception {
        MockHttpServletResponse worker = mvc.perform(get("/station/sw.js")).andReturn().getResponse();

        assertThat(worker.getStatus()).isEqualTo(200);
        assertThat(worker.getContentType()).startsWith("text/javascript");
        assertThat(worker.getContentAsString()).contains("'/station/'", "caches.open");
    }
}
