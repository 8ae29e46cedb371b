package kr.kaesongcrossing.application.profile;

import java.time.LocalDate;
import kr.kaesongcrossing.application.model.IdDocumentType;

/** A profile's details, already checked and cleaned; {@code idNumber} null keeps the current one. */
public record ProfileDetails(String nameKorean, String nameLatin, LocalDate dateOfBirth, String nationality,
        IdDocumentType idDocumentType, String idNumber, String phone) {

    @Override
    public String toString() {
        return "ProfileDetails[" + nameLatin + "]";
    }
}
