package kr.kaesongcrossing.e2e;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * A browser suite: the whole app on a random port against the test database (H2, or MariaDB with
 * {@code KC_TEST_DB=mysql}) without demo data, and a {@link Journey} parameter for each test. Staff accounts come
 * from {@code TestAccounts}; civilians register through the UI.
 * Skipped, by name, when Chromium or chromedriver is missing, unless {@code KC_REQUIRE_BROWSER=true}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Tag("browser")
@ExtendWith(BrowserExtension.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public @interface BrowserTest {
}
