package kr.kaesongcrossing.screening;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * On demand only: the in-memory part of screening 100,000 applicants against 10,000 listed people, as
 * {@link Screening} does it (the ID number hashes in a map, the names through {@link NameMatcher.Index}), one
 * thread. Run with {@code ./mvnw -o test -Dtest=NameMatchingBenchmarkTests -Dkc.benchmark=true}.
 */
@Tag("benchmark")
@EnabledIfSystemProperty(named = "kc.benchmark", matches = "true")
class NameMatchingBenchmarkTests {

    static final int APPLICANTS = 100_000;
    static final int LISTED = 10_000;

    @Test
    void screenOneHundredThousandApplicantsAgainstTenThousandListed() {
        SyntheticPeople people = new SyntheticPeople(17);
        List<SyntheticPeople.Person> listed = new ArrayList<>();
        for (int i = 0; i < LISTED; i++) {
            listed.add(people.listed());
        }
        List<SyntheticPeople.Person> applicants = new ArrayList<>();
        for (int i = 0; i < APPLICANTS; i++) {
            applicants.add(people.applicant());
        }

        long started = System.nanoTime();
        Map<String, List<SyntheticPeople.Person>> byIdNumber = new HashMap<>();
        NameMatcher.Index<SyntheticPeople.Person> index = new NameMatcher.Index<>();
        for (SyntheticPeople.Person p : listed) {
            if (p.idNumberHash() != null) {
                byIdNumber.computeIfAbsent(p.idNumberHash(), h -> new ArrayList<>()).add(p);
            }
            index.add(p, key(p));
        }
        long indexed = System.nanoTime();
        long keying = 0;
        long candidates = 0;
        long matches = 0;
        long applicantsMatched = 0;
        for (SyntheticPeople.Person applicant : applicants) {
            int found = byIdNumber.getOrDefault(applicant.idNumberHash(), List.of()).size();
            long before = System.nanoTime();
            NameMatcher.Key key = key(applicant);
            keying += System.nanoTime() - before;
            for (NameMatcher.Index.Listed<SyntheticPeople.Person> l : index.candidates(key)) {
                candidates++;
                if (NameMatcher.match(key, l.key()).isPresent()) {
                    found++;
                }
            }
            matches += found;
            applicantsMatched += found > 0 ? 1 : 0;
        }
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        System.out.printf("name matching benchmark: %,d applicants against %,d listed in %.1f s (index %.1f s); "
                + "applicants' readings %.1f s; %.1f candidates an applicant instead of %,d; %,d possible matches "
                + "on %,d applicants%n",
                APPLICANTS, LISTED, took.toMillis() / 1000.0, (indexed - started) / 1e9, keying / 1e9,
                (double) candidates / APPLICANTS, LISTED, matches, applicantsMatched);
        assertThat(took).isLessThan(Duration.ofMinutes(1));

        // without blocking, every pair: a sample of 1,000 applicants, extrapolated
        List<NameMatcher.Key> keys = listed.stream().map(NameMatchingBenchmarkTests::key).toList();
        long bruteStarted = System.nanoTime();
        for (SyntheticPeople.Person applicant : applicants.subList(0, 1000)) {
            NameMatcher.Key key = key(applicant);
            keys.forEach(k -> NameMatcher.match(key, k));
        }
        System.out.printf("without blocking: 1,000 applicants against %,d listed in %.1f s, so about %.0f s for "
                + "%,d%n", LISTED, (System.nanoTime() - bruteStarted) / 1e9,
                (System.nanoTime() - bruteStarted) / 1e9 * APPLICANTS / 1000, APPLICANTS);
    }

    private static NameMatcher.Key key(SyntheticPeople.Person p) {
        return NameMatcher.key(new NameMatcher.Person(p.nameKorean(), p.nameLatin(), p.dateOfBirth()));
    }
}
