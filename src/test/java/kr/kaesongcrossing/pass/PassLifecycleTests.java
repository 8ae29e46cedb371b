package kr.kaesongcrossing.pass;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.Map;
import kr.kaesongcrossing.account.AccountPrincipal;
import kr.kaesongcrossing.account.Role;
import kr.kaesongcrossing.application.TripApprovalWithdrawn;
import kr.kaesongcrossing.application.TripApprovedForTravel;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.transaction.IllegalTransactionStateException;
import org.springframework.transaction.support.TransactionTemplate;

class PassLifecycleTests extends PassTestSupport {

    @Autowired
    PassVerifier verifier;

    @Autowired
    PassLifecycle lifecycle;

    @Autowired
    PassRepository passes;

    @Autowired
    ApplicationEvents events;

    @Test
    void shouldIssueOnePassWithPhotoAndKstWindowWhenTripIsApproved() {
        AccountPrincipal holder = fixtures.account(Role.CIVILIAN);
        LocalDate entry = LocalDate.of(2030, 5, 1);
        TripApprovedForTravel trip = fixtures.trip(holder, entry, entry.plusDays(3), "이서연", "LEE SEOYEON");

        String passId = fixtures.approve(trip);
        fixtures.approve(trip);

        assertThat(passes.findAll().stream().filter(p -> p.getApplicationId() == trip.applicationId())).hasSize(1);
        assertThat(passId).matches("[A-Za-z0-9_-]{22}");
        PassForScan scan = new TransactionTemplate(transactionManager)
                .execute(status -> verifier.lockForScan(passId).orElseThrow());
        assertThat(scan.validFrom()).isEqualTo(ZonedDateTime.parse("2030-05-01T00:00+09:00[Asia/Seoul]").toInstant());
        assertThat(scan.validUntil()).isEqualTo(ZonedDateTime.parse("2030-05-05T00:00+09:00[Asia/Seoul]").toInstant());
        assertThat(scan.holderNameKorean()).isEqualTo("이서연");
        assertThat(scan.holderNameLatin()).isEqualTo("LEE SEOYEON");
        assertThat(scan.holderAccountId()).isEqualTo(holder.id());
        assertThat(scan.applicationId()).isEqualTo(trip.applicationId());
        assertThat(scan.revoked()).isFalse();
        assertThat(verifier.holderPhoto(passId)).hasValueSatisfying(jpeg -> assertThat(jpeg).isEqualTo(trip.holderPhotoJpeg()));
    }

    @Test
    void shouldPutOnlyTheCheckpointClaimsInTheToken() throws Exception {
        AccountPrincipal holder = fixtures.account(Role.CIVILIAN);
        String passId = fixtures.approve(fixtures.trip(holder));
        Map<String, Object> claims = com.nimbusds.jwt.SignedJWT.parse(fixtures.token(passId)).getJWTClaimsSet()
                .getClaims();

        assertThat(claims).containsOnlyKeys("jti", "nbf", "exp", "ref", "name", "name_ko");
        assertThat(claims.get("jti")).isEqualTo(passId);
        assertThat(claims.get("name_ko")).isEqualTo("김민준");
        assertThat(claims.toString()).doesNotContain("1990");
    }

    @Test
    void shouldRevokeThePassWhenTheApprovalIsWithdrawn() {
        AccountPrincipal holder = fixtures.account(Role.CIVILIAN);
        TripApprovedForTravel trip = fixtures.trip(holder);
        String passId = fixtures.approve(trip);

        new TransactionTemplate(transactionManager).executeWithoutResult(
                status -> publisher.publishEvent(new TripApprovalWithdrawn(trip.applicationId(), "방문 취소 요청")));

        Pass pass = passes.findByPassId(passId).orElseThrow();
        assertThat(pass.statusAt(Instant.now())).isEqualTo(PassStatus.REVOKED);
        assertThat(pass.getRevocationReason()).isEqualTo("방문 취소 요청");
        assertThat(events.stream(PassRevoked.class).filter(e -> e.passId().equals(passId))).hasSize(1);
        assertThatThrownBy(() -> lifecycle.reissue(passId, "다시 발급", holder.id()))
                .isInstanceOf(PassStateException.class).hasMessage("pass.error.approvalWithdrawn");
    }

    @Test
    void shouldRefuseToRevokeTwiceAndReissueWithANewIdAndTheOldOneRevoked() {
        AccountPrincipal holder = fixtures.account(Role.CIVILIAN);
        AccountPrincipal officer = fixtures.account(Role.OFFICER);
        TripApprovedForTravel trip = fixtures.trip(holder);
        String passId = fixtures.approve(trip);

        Pass replacement = lifecycle.reissue(passId, "휴대폰 분실", officer.id());

        Pass old = passes.findByPassId(passId).orElseThrow();
        assertThat(old.getRevocationCause()).isEqualTo(RevocationCause.REISSUED);
        assertThat(old.getReplacedBy()).isEqualTo(replacement.getPassId());
        assertThat(replacement.getPassId()).isNotEqualTo(passId);
        assertThat(replacement.getValidUntil()).isEqualTo(old.getValidUntil());
        assertThat(verifier.holderPhoto(replacement.getPassId())).isPresent();
        assertThat(verifier.read(replacement.getToken()).passId()).isEqualTo(replacement.getPassId());
        assertThatThrownBy(() -> lifecycle.revoke(passId, "again", officer.id()))
                .isInstanceOf(PassStateException.class).hasMessage("pass.error.alreadyRevoked");
        assertThatThrownBy(() -> lifecycle.reissue(passId, "again", officer.id()))
                .isInstanceOf(PassStateException.class).hasMessage("pass.error.alreadyReplaced");

        lifecycle.revoke(replacement.getPassId(), "보안 사유", officer.id());
        assertThatThrownBy(() -> lifecycle.revoke(replacement.getPassId(), "보안 사유", officer.id()))
                .isInstanceOf(PassStateException.class).hasMessage("pass.error.alreadyRevoked");
        Pass third = lifecycle.reissue(replacement.getPassId(), "취소 번복", officer.id());
        assertThat(third.statusAt(Instant.now())).isEqualTo(PassStatus.ACTIVE);
        assertThat(passes.findByCurrentForApplication(trip.applicationId())).map(Pass::getPassId)
                .hasValue(third.getPassId());
    }

    @Test
    void shouldRequireAReasonToRevoke() {
        AccountPrincipal holder = fixtures.account(Role.CIVILIAN);
        String passId = fixtures.approve(fixtures.trip(holder));

        assertThatThrownBy(() -> lifecycle.revoke(passId, "  ", holder.id()))
                .isInstanceOf(PassStateException.class).hasMessage("pass.error.reasonRequired");
        assertThatThrownBy(() -> lifecycle.revoke(passId, "x".repeat(501), holder.id()))
                .isInstanceOf(PassStateException.class).hasMessage("pass.error.reasonTooLong");
    }

    @Test
    void shouldOnlyLockForScanInsideATransaction() {
        AccountPrincipal holder = fixtures.account(Role.CIVILIAN);
        String passId = fixtures.approve(fixtures.trip(holder));

        assertThatThrownBy(() -> verifier.lockForScan(passId)).isInstanceOf(IllegalTransactionStateException.class);
        java.util.Optional<PassForScan> missing = new TransactionTemplate(transactionManager)
                .execute(status -> verifier.lockForScan("doesNotExist0000000000"));
        assertThat(missing).isEmpty();
    }
}
