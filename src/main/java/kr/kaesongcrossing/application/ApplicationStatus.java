package kr.kaesongcrossing.application;

/** Where a travel application stands. Stored by name in {@code travel_application.status}. */
public enum ApplicationStatus {
    DRAFT,
    SUBMITTED,
    INFORMATION_REQUESTED,
    REJECTED,
    WITHDRAWN,
    AWAITING_CONSENT,
    CONSENT_REFUSED,
    APPROVED_FOR_TRAVEL;

    /** True while the office has not yet made its decision (or the applicant still has to act). */
    public boolean isUndecided() {
        return this == SUBMITTED || this == INFORMATION_REQUESTED;
    }

    /** True once nothing can change any more. */
    public boolean isFinal() {
        return this == REJECTED || this == WITHDRAWN || this == CONSENT_REFUSED;
    }
}
