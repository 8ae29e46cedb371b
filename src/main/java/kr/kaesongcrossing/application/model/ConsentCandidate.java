package kr.kaesongcrossing.application.model;

import java.time.LocalDate;
import kr.kaesongcrossing.application.ApplicationStatus;

/** What the consent import needs to match a CSV row to an application. */
public record ConsentCandidate(Long id, String reference, ApplicationStatus status, long version, long applicantId,
        String nameKorean, String nameLatin, LocalDate entryDate) {
}
