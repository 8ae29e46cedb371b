package kr.kaesongcrossing.application.model;

import static kr.kaesongcrossing.application.ApplicationStatus.APPROVED_FOR_TRAVEL;
import static kr.kaesongcrossing.application.ApplicationStatus.AWAITING_CONSENT;
import static kr.kaesongcrossing.application.ApplicationStatus.CONSENT_REFUSED;
import static kr.kaesongcrossing.application.ApplicationStatus.DRAFT;
import static kr.kaesongcrossing.application.ApplicationStatus.INFORMATION_REQUESTED;
import static kr.kaesongcrossing.application.ApplicationStatus.REJECTED;
import static kr.kaesongcrossing.application.ApplicationStatus.SUBMITTED;
import static kr.kaesongcrossing.application.ApplicationStatus.WITHDRAWN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import kr.kaesongcrossing.account.Role;
import kr.kaesongcrossing.schedule.SlotKey;
import kr.kaesongcrossing.schedule.TravelDirection;
import org.junit.jupiter.api.Test;

class TravelApplicationTests {

    static final Actor APPLICANT = new Actor(1L, "김민준", Role.CIVILIAN);
    static final Actor OFFICER = new Actor(2L, "이서연", Role.OFFICER);
    static final Instant NOW = Instant.parse("2026-11-20T01:00:00Z");
    static final LocalDate TODAY = LocalDate.of(2026, 11, 20);

    static TripDetails details(LocalDate entry, LocalDate ret) {
        return new TripDetails("김민준", "KIM MINJUN", LocalDate.of(1985, 4, 12), "KOR", IdDocumentType.PASSPORT,
                "M12345678", "010-1234-5678", null, Purpose.TALKS, "meeting", entry, ret, null, null,
                List.of(new GoodsLine("documents", 1, 0)),
                entry == null ? null : new SlotKey(TravelDirection.NORTHBOUND, entry, LocalTime.of(8, 30)),
                ret == null ? null : new SlotKey(TravelDirection.SOUTHBOUND, ret, LocalTime.of(16, 0)));
    }

    static TravelApplication complete() {
        TravelApplication application = TravelApplication.draft(1L, APPLICANT, NOW);
        application.update(details(TODAY.plusDays(10), TODAY.plusDays(12)), NOW);
        application.photoAttached(NOW);
        return application;
    }

    static TravelApplication submitted() {
        TravelApplication application = complete();
        application.submit(APPLICANT, NOW);
        return application;
    }

    @Test
    void shouldStartAsDraftWithACreationEntryInTheTimeline() {
        TravelApplication application = TravelApplication.draft(1L, APPLICANT, NOW);

        assertThat(application.getStatus()).isEqualTo(DRAFT);
        assertThat(application.getChanges()).singleElement()
                .satisfies(c -> assertThat(c.getToStatus()).isEqualTo(DRAFT));
        assertThat(application.getReference()).hasSize(20).startsWith("TMP-");
    }

    @Test
    void shouldRefuseToSubmitWithoutPhotoOrRequiredFields() {
        TravelApplication noPhoto = TravelApplication.draft(1L, APPLICANT, NOW);
        noPhoto.update(details(TODAY.plusDays(10), TODAY.plusDays(12)), NOW);

        assertThat(noPhoto.isComplete()).isFalse();
        assertThatThrownBy(() -> noPhoto.submit(APPLICANT, NOW)).isInstanceOf(IllegalStateException.class);
        assertThat(noPhoto.getStatus()).isEqualTo(DRAFT);
    }

    @Test
    void shouldShowApplicantsOnlyTheFirstTwoCharactersOfTheirIdNumber() {
        TravelApplication application = complete();
        assertThat(application.getMaskedIdNumber()).isEqualTo("M1*******");

        TravelApplication shortNumber = TravelApplication.draft(1L, APPLICANT, NOW);
        shortNumber.update(new TripDetails("김민준", "KIM MINJUN", LocalDate.of(1985, 4, 12), "KOR",
                IdDocumentType.PASSPORT, "AB12", "010-1234-5678", null, Purpose.TALKS, "meeting", TODAY, TODAY,
                null, null, List.of(), null, null), NOW);
        assertThat(shortNumber.getMaskedIdNumber()).isEqualTo("****");
        assertThat(TravelApplication.draft(1L, APPLICANT, NOW).getMaskedIdNumber()).isEmpty();
    }

    @Test
    void shouldSubmitACompleteDraft() {
        TravelApplication application = complete();

        StatusChange change = application.submit(APPLICANT, NOW);

        assertThat(application.getStatus()).isEqualTo(SUBMITTED);
        assertThat(application.getSubmittedAt()).isEqualTo(NOW);
        assertThat(change.getFromStatus()).isEqualTo(DRAFT);
        assertThat(change.getActorRole()).isEqualTo("CIVILIAN");
    }

    @Test
    void shouldWaitForConsentAfterApprovalWhenConsentIsRequired() {
        TravelApplication application = submitted();

        application.approve(OFFICER, true, NOW);
        assertThat(application.getStatus()).isEqualTo(AWAITING_CONSENT);

        StatusChange consent = application.recordConsent(OFFICER, " NK-77 ", NOW);
        assertThat(application.getStatus()).isEqualTo(APPROVED_FOR_TRAVEL);
        assertThat(application.getCounterpartReference()).isEqualTo("NK-77");
        assertThat(consent.getCounterpartReference()).isEqualTo("NK-77");
    }

    @Test
    void shouldGoStraightToApprovedForTravelWhenConsentIsNotRequired() {
        TravelApplication application = submitted();

        application.approve(OFFICER, false, NOW);

        assertThat(application.getStatus()).isEqualTo(APPROVED_FOR_TRAVEL);
    }

    @Test
    void shouldRecordRefusedConsent() {
        TravelApplication application = submitted();
        application.approve(OFFICER, true, NOW);

        application.recordConsentRefusal(OFFICER, "NK-78", "", NOW);

        assertThat(application.getStatus()).isEqualTo(CONSENT_REFUSED);
        assertThat(application.getStatus().isFinal()).isTrue();
    }

    @Test
    void shouldRequireReasonsForRejectionsAndInformationRequests() {
        TravelApplication application = submitted();

        assertThatThrownBy(() -> application.reject(OFFICER, "  ", NOW)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> application.requestInformation(OFFICER, null, NOW))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(application.getStatus()).isEqualTo(SUBMITTED);

        StatusChange change = application.reject(OFFICER, "incomplete purpose", NOW);
        assertThat(application.getStatus()).isEqualTo(REJECTED);
        assertThat(change.getReason()).isEqualTo("incomplete purpose");
        assertThat(change.getActorName()).isEqualTo("이서연");
    }

    @Test
    void shouldLetTheApplicantEditAndResubmitAfterAnInformationRequest() {
        TravelApplication application = submitted();
        application.requestInformation(OFFICER, "add the host organisation", NOW);
        assertThat(application.isEditable()).isTrue();

        application.update(details(TODAY.plusDays(11), TODAY.plusDays(13)), NOW);
        StatusChange resubmission = application.submit(APPLICANT, NOW);

        assertThat(application.getStatus()).isEqualTo(SUBMITTED);
        assertThat(resubmission.getFromStatus()).isEqualTo(INFORMATION_REQUESTED);
        assertThat(TimelineEntry.of(resubmission).eventKey()).isEqualTo("application.event.RESUBMITTED");
        assertThat(application.getEntryDate()).isEqualTo(TODAY.plusDays(11));
    }

    @Test
    void shouldRefuseToEditASubmittedApplication() {
        TravelApplication application = submitted();

        assertThatThrownBy(() -> application.update(details(TODAY.plusDays(10), TODAY.plusDays(12)), NOW))
                .isInstanceOfSatisfying(IllegalTransitionException.class,
                        e -> assertThat(e.action()).isEqualTo(Action.EDIT));
    }

    @Test
    void shouldRefuseToDecideTwice() {
        TravelApplication application = submitted();
        application.approve(OFFICER, true, NOW);

        assertThatThrownBy(() -> application.approve(OFFICER, true, NOW))
                .isInstanceOfSatisfying(IllegalTransitionException.class, e -> {
                    assertThat(e.action()).isEqualTo(Action.APPROVE);
                    assertThat(e.current()).isEqualTo(AWAITING_CONSENT);
                });
        assertThatThrownBy(() -> application.reject(OFFICER, "no", NOW))
                .isInstanceOf(IllegalTransitionException.class);
        assertThat(application.getChanges()).hasSize(3);
    }

    @Test
    void shouldLeaveEveryDecisionOnAnOfficersOwnApplicationToAnotherOfficer() {
        Actor applicantAsOfficer = new Actor(APPLICANT.accountId(), APPLICANT.name(), Role.OFFICER);
        TravelApplication application = submitted();

        assertThatThrownBy(() -> application.approve(applicantAsOfficer, true, NOW))
                .isInstanceOfSatisfying(OwnApplicationException.class,
                        e -> assertThat(e.action()).isEqualTo(Action.APPROVE));
        assertThatThrownBy(() -> application.reject(applicantAsOfficer, "no", NOW))
                .isInstanceOf(OwnApplicationException.class);
        assertThatThrownBy(() -> application.requestInformation(applicantAsOfficer, "more", NOW))
                .isInstanceOf(OwnApplicationException.class);
        application.approve(OFFICER, true, NOW);
        assertThatThrownBy(() -> application.recordConsent(applicantAsOfficer, "NK-1", NOW))
                .isInstanceOf(OwnApplicationException.class);
        assertThatThrownBy(() -> application.recordConsentRefusal(applicantAsOfficer, "NK-1", null, NOW))
                .isInstanceOf(OwnApplicationException.class);
        application.recordConsent(OFFICER, "NK-1", NOW);
        assertThatThrownBy(() -> application.revokeApproval(applicantAsOfficer, "mine", NOW))
                .isInstanceOf(OwnApplicationException.class);

        assertThat(application.getStatus()).isEqualTo(APPROVED_FOR_TRAVEL);
        assertThat(application.getChanges()).extracting(StatusChange::getToStatus)
                .containsExactly(DRAFT, SUBMITTED, AWAITING_CONSENT, APPROVED_FOR_TRAVEL);
        assertThat(TravelApplication.isOwnApplication(1L, applicantAsOfficer)).isTrue();
        assertThat(TravelApplication.isOwnApplication(1L, OFFICER)).isFalse();
    }

    @Test
    void shouldRefuseToApproveAWithdrawnApplication() {
        TravelApplication application = submitted();
        application.withdraw(APPLICANT, null, TODAY, false, NOW);

        assertThatThrownBy(() -> application.approve(OFFICER, true, NOW))
                .isInstanceOfSatisfying(IllegalTransitionException.class,
                        e -> assertThat(e.current()).isEqualTo(WITHDRAWN));
    }

    @Test
    void shouldRefuseToRecordConsentBeforeTheOfficeApproved() {
        TravelApplication application = submitted();

        assertThatThrownBy(() -> application.recordConsent(OFFICER, "NK-1", NOW))
                .isInstanceOfSatisfying(IllegalTransitionException.class,
                        e -> assertThat(e.action()).isEqualTo(Action.RECORD_CONSENT));
    }

    @Test
    void shouldAllowWithdrawingDraftsUndecidedAndApprovedTripsUntilTheDayOfEntry() {
        TravelApplication draft = TravelApplication.draft(1L, APPLICANT, NOW);
        draft.withdraw(APPLICANT, "", TODAY, false, NOW);
        assertThat(draft.getStatus()).isEqualTo(WITHDRAWN);

        TravelApplication approved = submitted();
        approved.approve(OFFICER, false, NOW);
        approved.withdraw(APPLICANT, "plans changed", approved.getEntryDate(), false, NOW);
        assertThat(approved.getStatus()).isEqualTo(WITHDRAWN);

        TravelApplication started = submitted();
        started.approve(OFFICER, false, NOW);
        assertThatThrownBy(() -> started.withdraw(APPLICANT, null, started.getEntryDate().plusDays(1), false, NOW))
                .isInstanceOf(IllegalTransitionException.class);
    }

    @Test
    void shouldRefuseTheApplicantAWithdrawalWhileTheTravellerIsInsideTheZone() {
        TravelApplication approved = submitted();
        approved.approve(OFFICER, false, NOW);

        assertThat(approved.canBeWithdrawn(approved.getEntryDate(), true)).isFalse();
        assertThatThrownBy(() -> approved.withdraw(APPLICANT, null, approved.getEntryDate(), true, NOW))
                .isInstanceOf(TravellerInsideException.class);
        assertThat(approved.getStatus()).isEqualTo(APPROVED_FOR_TRAVEL);
    }

    @Test
    void shouldRefuseToWithdrawADecidedApplication() {
        TravelApplication rejected = submitted();
        rejected.reject(OFFICER, "no", NOW);

        assertThatThrownBy(() -> rejected.withdraw(APPLICANT, null, TODAY, false, NOW))
                .isInstanceOfSatisfying(IllegalTransitionException.class,
                        e -> assertThat(e.action()).isEqualTo(Action.WITHDRAW));
    }

    @Test
    void shouldLetTheOfficeRevokeAnApprovalWithAReason() {
        TravelApplication application = submitted();
        application.approve(OFFICER, false, NOW);

        StatusChange revocation = application.revokeApproval(OFFICER, "security concern", NOW);

        assertThat(application.getStatus()).isEqualTo(WITHDRAWN);
        assertThat(TimelineEntry.of(revocation).eventKey()).isEqualTo("application.event.REVOKED");
    }

    @Test
    void shouldKeepTheIdNumberWhenAnEditLeavesItEmpty() {
        TravelApplication application = TravelApplication.draft(1L, APPLICANT, NOW);
        application.update(details(TODAY.plusDays(10), TODAY.plusDays(12)), NOW);
        TripDetails withoutNumber = new TripDetails("김민준", "KIM MINJUN", LocalDate.of(1985, 4, 12), "KOR",
                IdDocumentType.PASSPORT, null, "010", null, Purpose.TALKS, "x", null, null, null, null, List.of(),
                null, null);

        application.update(withoutNumber, NOW);

        assertThat(application.getIdNumber()).isEqualTo("M12345678");
        assertThat(application.getGoods()).isEmpty();
    }
}
