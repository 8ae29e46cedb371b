package kr.kaesongcrossing.audit;

import jakarta.validation.constraints.NotNull;

/**
 * Why a staff member asks for a traveller's full ID document number or full-size photo (of an application or a
 * pass); the code goes into the audit event, so an auditor can ask about the disclosures that do not fit the work.
 */
public enum DisclosureReason {
    IDENTITY_CHECK, DUPLICATE_CHECK, APPLICANT_CORRECTION, COUNTERPART_REQUEST, OTHER;

    /** The form that asks for one; without a known reason nothing is disclosed or recorded. */
    public record Form(@NotNull(message = "{audit.disclosure.reasonRequired}") DisclosureReason reason) {
    }
}
