package kr.kaesongcrossing.application.permit;

import java.time.LocalDate;
import kr.kaesongcrossing.application.model.Purpose;

/** What an officer grants: to whom, for which organisation and purpose, which directions, from when to when. */
public record PermitTerms(long holderId, long organisationId, Purpose purpose, String purposeDetail,
        boolean northbound, boolean southbound, LocalDate validFrom, LocalDate validUntil) {
}
