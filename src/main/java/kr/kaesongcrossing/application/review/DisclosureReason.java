package kr.kaesongcrossing.application.review;

/**
 * Why an officer asks for a traveller's full ID document number or full-size photo; the code goes into the audit
 * event, so an auditor can ask about the disclosures that do not fit the officer's work.
 */
enum DisclosureReason {
    IDENTITY_CHECK, DUPLICATE_CHECK, APPLICANT_CORRECTION, COUNTERPART_REQUEST, OTHER
}
