package kr.kaesongcrossing.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import kr.kaesongcrossing.account.Role;
import kr.kaesongcrossing.account.TestAccounts;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;

/** The scanner API's OpenAPI page works in a real browser under the app's Content-Security-Policy. */
@BrowserTest
class ApiDocsTests {

    @Autowired
    TestAccounts accounts;

    @Test
    @JourneyName("api-docs")
    void shouldShowTheScannerApiToCheckpointStaff(Journey journey) {
        Browser browser = journey.browser("checkpoint", Viewport.DESKTOP);
        browser.login(accounts.create(Role.CHECKPOINT).email(), TestAccounts.PASSWORD);

        browser.open("/swagger-ui/index.html");
        browser.waitUntil(b -> b.has(By.cssSelector(".opblock-summary-path")), "the operations rendered");

        // No snap: axe would judge Swagger UI's own markup (a third-party tool for staff), not our pages.
        assertThat(browser.pageText()).contains("/api/v1/scans", "/api/v1/revocations");
    }
}
