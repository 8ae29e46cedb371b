package kr.kaesongcrossing.application;

import java.time.LocalDate;
import java.util.Optional;
import kr.kaesongcrossing.application.profile.Profiles;
import kr.kaesongcrossing.application.profile.TravellerProfile;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** What other modules may read of traveller profiles: a person's own, by their account. */
@Service
public class TravellerProfiles {

    /**
     * A person's profile as other modules see it: the ID number only masked, the document type as its enum name
     * ({@code PASSPORT}, ...), the photo as a flag (the application module serves it).
     */
    public record Profile(long id, long accountId, String nameKorean, String nameLatin, LocalDate dateOfBirth,
            String nationality, String idDocumentType, String maskedIdNumber, String phone, boolean hasPhoto) {
    }

    private final Profiles profiles;

    TravellerProfiles(Profiles profiles) {
        this.profiles = profiles;
    }

    /** The person's own profile, if they keep one. */
    @Transactional(readOnly = true)
    public Optional<Profile> ofAccount(long accountId) {
        return profiles.own(accountId).map(TravellerProfiles::view);
    }

    private static Profile view(TravellerProfile p) {
        return new Profile(p.getId(), p.getAccountId(), p.getNameKorean(), p.getNameLatin(), p.getDateOfBirth(),
                p.getNationality(), p.getIdDocumentType().name(), p.getMaskedIdNumber(), p.getPhone(), p.isHasPhoto());
    }
}
