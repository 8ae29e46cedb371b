package kr.kaesongcrossing.application.model;

import java.time.LocalDate;
import org.springframework.format.annotation.DateTimeFormat;

/**
 * The personal fields a traveller's data is typed in: the application form and the profile form share them (same
 * names, so the same validator and the same template fragments serve both).
 */
public abstract class PersonalFields {

    protected String nameKorean;
    protected String nameLatin;
    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    protected LocalDate dateOfBirth;
    protected String nationality = "KOR";
    protected IdDocumentType idDocumentType;
    protected String idNumber;
    protected String phone;

    public String getNameKorean() {
        return nameKorean;
    }

    public void setNameKorean(String nameKorean) {
        this.nameKorean = nameKorean;
    }

    public String getNameLatin() {
        return nameLatin;
    }

    public void setNameLatin(String nameLatin) {
        this.nameLatin = nameLatin;
    }

    public LocalDate getDateOfBirth() {
        return dateOfBirth;
    }

    public void setDateOfBirth(LocalDate dateOfBirth) {
        this.dateOfBirth = dateOfBirth;
    }

    public String getNationality() {
        return nationality;
    }

    public void setNationality(String nationality) {
        this.nationality = nationality;
    }

    public IdDocumentType getIdDocumentType() {
        return idDocumentType;
    }

    public void setIdDocumentType(IdDocumentType idDocumentType) {
        this.idDocumentType = idDocumentType;
    }

    public String getIdNumber() {
        return idNumber;
    }

    public void setIdNumber(String idNumber) {
        this.idNumber = idNumber;
    }

    public String getPhone() {
        return phone;
    }

    public void setPhone(String phone) {
        this.phone = phone;
    }
}
