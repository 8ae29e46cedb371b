package kr.kaesongcrossing.application.profile;

import java.time.LocalDate;
import kr.kaesongcrossing.application.apply.ApplicationFormValidator;
import kr.kaesongcrossing.application.model.IdDocumentType;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.multipart.MultipartFile;

/** The profile form: the personal fields of an application (same names, same rules) and the photo. */
public class ProfileForm {

    private String nameKorean;
    private String nameLatin;
    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private LocalDate dateOfBirth;
    private String nationality = "KOR";
    private IdDocumentType idDocumentType;
    private String idNumber;
    private String phone;
    private MultipartFile photo;

    /** The stored profile, for editing; the ID number is never sent back to the browser. */
    static ProfileForm of(TravellerProfile p) {
        ProfileForm form = new ProfileForm();
        form.nameKorean = p.getNameKorean();
        form.nameLatin = p.getNameLatin();
        form.dateOfBirth = p.getDateOfBirth();
        form.nationality = p.getNationality();
        form.idDocumentType = p.getIdDocumentType();
        form.phone = p.getPhone();
        return form;
    }

    ProfileDetails toDetails() {
        return new ProfileDetails(clean(nameKorean), upper(nameLatin), dateOfBirth, clean(nationality),
                idDocumentType, upper(idNumber), clean(phone));
    }

    private static String clean(String s) {
        return ApplicationFormValidator.clean(s);
    }

    /** Latin names and ID numbers in capitals, as applications store them. */
    private static String upper(String s) {
        String cleaned = clean(s);
        return cleaned == null ? null : cleaned.toUpperCase(java.util.Locale.ROOT);
    }

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

    public MultipartFile getPhoto() {
        return photo;
    }

    public void setPhoto(MultipartFile photo) {
        this.photo = photo;
    }
}
