package kr.kaesongcrossing.pass;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import kr.kaesongcrossing.system.OfficeTime;
import org.junit.jupiter.api.Test;

/** The one validity rule, as the pass's status, its page and re-issue see it. */
class ValidityTests {

    static final LocalDate ENTRY = LocalDate.of(2026, 12, 2);
    static final LocalDate RETURN = LocalDate.of(2026, 12, 4);
    static final Instant FROM = OfficeTime.startOfDay(ENTRY);
    static final Instant UNTIL = OfficeTime.endOfDay(RETURN);
    static final Validity VALIDITY = new Validity(FROM, UNTIL);

    @Test
    void shouldBeValidFromTheStartUpToButNotIncludingTheEnd() {
        assertThat(VALIDITY.at(FROM.minusNanos(1))).isEqualTo(PassStatus.NOT_YET_VALID);
        assertThat(VALIDITY.at(FROM)).isEqualTo(PassStatus.ACTIVE);
        assertThat(VALIDITY.at(UNTIL.minusNanos(1))).isEqualTo(PassStatus.ACTIVE);
        assertThat(VALIDITY.at(UNTIL)).isEqualTo(PassStatus.EXPIRED);
        assertThat(VALIDITY.endedAt(UNTIL.minusNanos(1))).isFalse();
        assertThat(VALIDITY.endedAt(UNTIL)).isTrue();
    }

    @Test
    void shouldShowTheEndAsTheLastMinuteOfTheReturnDay() {
        assertThat(OfficeTime.lastValidMinute(VALIDITY.until())).isEqualTo("2026-12-04 23:59");
    }

    @Test
    void shouldGiveThePassItsStatusByTheValidityUnlessRevoked() {
        Pass pass = pass();
        assertThat(pass.statusAt(UNTIL.minusSeconds(1))).isEqualTo(PassStatus.ACTIVE);
        assertThat(pass.statusAt(UNTIL)).isEqualTo(PassStatus.EXPIRED);
        pass.revoke("lost", 7, FROM);
        assertThat(pass.statusAt(UNTIL)).isEqualTo(PassStatus.REVOKED);
    }

    @Test
    void shouldOfferReissueExactlyWhenReissueIsAccepted() {
        Pass pass = pass();
        assertThat(pass.reissuableAt(UNTIL.minusSeconds(1))).isTrue();
        assertThat(pass.reissuableAt(UNTIL)).isFalse();
        assertThatThrownBy(() -> pass.reissue(PassTokens.newPassId(), "lost", 7, UNTIL))
                .isInstanceOf(PassStateException.class).hasMessage("pass.error.expired");
    }

    @Test
    void shouldNotOfferReissueOfAPassRevokedByAnOfficerOnceItsValidityHasEnded() {
        Pass pass = pass();
        pass.revoke("lost", 7, FROM);
        assertThat(pass.reissuableAt(UNTIL.minusSeconds(1))).isTrue();
        assertThat(pass.reissuableAt(UNTIL)).isFalse();
        assertThatThrownBy(() -> pass.reissue(PassTokens.newPassId(), "found", 7, UNTIL))
                .isInstanceOf(PassStateException.class).hasMessage("pass.error.expired");
    }

    private static Pass pass() {
        PassContent content = new PassContent(PassTokens.newPassId(), 1L, "KC-2026-000001", 2, "김민준", "KIM MINJUN",
                FROM, UNTIL, null);
        return new Pass(content, new SignedToken("k1", "header.payload.signature"), FROM.minusSeconds(3600));
    }
}
