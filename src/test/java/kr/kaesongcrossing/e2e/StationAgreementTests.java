package kr.kaesongcrossing.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import kr.kaesongcrossing.pass.PassVerifier;
import kr.kaesongcrossing.pass.SigningKeys;
import kr.kaesongcrossing.pass.TokenCorpus;
import kr.kaesongcrossing.pass.TokenReading;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The scan station's signature check in the page (WebCrypto Ed25519 in Chromium, against the published JWKS) and
 * the server's {@link PassVerifier} read 1,000 texts alike: the same pass id, window and kind for a valid token,
 * the same problem (malformed, invalid signature, unknown key) for the others.
 */
@BrowserTest
class StationAgreementTests {

    private static final int TOKENS = 1000;
    private static final int BATCH = 100;

    @Autowired
    PassVerifier verifier;

    @Autowired
    SigningKeys keys;

    @Test
    @JourneyName("station-agreement")
    void shouldReadEveryTokenAsTheServerDoes(Journey journey) {
        List<String> tokens = TokenCorpus.of(keys, TOKENS, 18L);
        Browser station = journey.browser("station", Viewport.TABLET);
        station.open("/station/");
        station.waitUntil(b -> b.driver().executeScript("return !!(window.KcStation && window.KcStation.verify)"),
                "the station's script");
        station.snap("unpaired");
        String jwks = (String) station.driver().executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                fetch('/.well-known/jwks.json').then(r => r.text()).then(done, e => done('ERROR ' + e));
                """);
        station.driver().manage().timeouts().scriptTimeout(Duration.ofSeconds(60));

        List<String> page = new ArrayList<>();
        for (int from = 0; from < TOKENS; from += BATCH) {
            Object answer = station.driver().executeAsyncScript("""
                    const done = arguments[arguments.length - 1];
                    const jwks = JSON.parse(arguments[1]);
                    Promise.all(arguments[0].map(t => window.KcStation.verify(t, jwks)))
                      .then(rs => done(rs.map(r => r.problem ? r.problem
                          : ['VALID', r.passId, r.notBefore, r.expiresAt, r.vehicle].join(' '))),
                        e => done(['ERROR ' + e]));
                    """, tokens.subList(from, Math.min(TOKENS, from + BATCH)), jwks);
            page.addAll(((List<?>) answer).stream().map(String::valueOf).toList());
        }

        List<String> server = tokens.stream().map(token -> describe(verifier.read(token))).toList();
        List<String> differences = new ArrayList<>();
        for (int i = 0; i < TOKENS; i++) {
            if (!server.get(i).equals(page.get(i))) {
                differences.add(i + ": server " + server.get(i) + ", page " + page.get(i) + " for " + tokens.get(i));
            }
        }
        assertThat(differences).as("tokens read differently").isEmpty();
        Map<String, Long> kinds = new TreeMap<>(server.stream()
                .collect(Collectors.groupingBy(s -> s.split(" ")[0], Collectors.counting())));
        assertThat(kinds.keySet()).containsAll(Arrays.asList("VALID", "MALFORMED", "INVALID_SIGNATURE", "UNKNOWN_KEY"));
        assertThat(server).filteredOn(s -> s.endsWith(" true")).as("vehicle passes").isNotEmpty();
        System.out.println("Station agreement on " + TOKENS + " tokens: " + kinds);
    }

    private static String describe(TokenReading reading) {
        return reading.valid() ? String.join(" ", "VALID", reading.passId(),
                String.valueOf(reading.notBefore().toEpochMilli()), String.valueOf(reading.expiresAt().toEpochMilli()),
                String.valueOf(reading.vehicle())) : reading.problem().name();
    }
}
