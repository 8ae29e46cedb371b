package kr.kaesongcrossing.application;

import java.time.LocalDate;

/** What the consent import needs to match a CSV row to an application. */
record ConsentCandidate(Long id, String reference, ApplicationStatus status, long version, long applicantId,
        String nameKorean, String nameLatin, LocalDate entryDate) {
}
