package kr.kaesongcrossing.application.review;

/**
 * Why an officer asks to see a full ID document number; the code goes into the audit event, so an auditor can ask
 * about the revelations that do not fit the officer's work.
 */
enum IdNumberReason {
    IDENTITY_CHECK, DUPLICATE_CHECK, APPLICANT_CORRECTION, COUNTERPART_REQUEST, OTHER
}
