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
 * from {@code TestAccounts}; civilians register through the UI. Trips may start today
 * ({@code kc.applications.min-days-ahead=0}) so that a pass issued in a journey is valid at the checkpoint; the lists of
 * today's crossing slots stay open until 23:59 KST for the same reason.
 * Skipped, by name, when Chromium or chromedriver is missing, unless {@code KC_REQUIRE_BROWSER=true}. Tagged
 * {@code slow}: {@code ./mvnw test -DexcludedGroups=slow} leaves it out of a quick loop.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Tag("slow")
@Tag("browser")
@ExtendWith(BrowserExtension.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"kc.applications.min-days-ahead=0", "kc.schedule.cutoff-days=0", "kc.schedule.cutoff-time=23:59"})
public @interface BrowserTest {
}
