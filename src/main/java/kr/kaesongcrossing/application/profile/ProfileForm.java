package kr.kaesongcrossing.application.profile;

import kr.kaesongcrossing.application.apply.ApplicationFormValidator;
import kr.kaesongcrossing.application.model.PersonalFields;
import org.springframework.web.multipart.MultipartFile;

/** The profile form: the personal fields of an application (same names, same rules) and the photo. */
public class ProfileForm extends PersonalFields {

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

    public MultipartFile getPhoto() {
        return photo;
    }

    public void setPhoto(MultipartFile photo) {
        this.photo = photo;
    }
}
