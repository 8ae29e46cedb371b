package kr.kaesongcrossing.application.profile;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import kr.kaesongcrossing.account.Accounts;
import kr.kaesongcrossing.application.model.DemoApplications;
import kr.kaesongcrossing.application.model.IdDocumentType;
import kr.kaesongcrossing.application.photo.PhotoProcessor;
import kr.kaesongcrossing.organisation.OrganisationRole;
import kr.kaesongcrossing.organisation.Organisations;
import kr.kaesongcrossing.system.RetryOnWriteConflict;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Demo mode only, after the demo organisations: the demo civilian keeps a profile of their own, and the demo
 * company's coordinator ({@code coordinator@demo.test}) keeps six profiles (one member with an account, five people
 * without), so that a group trip can be filed right away; that member ({@code coordinator3@demo.test}, the demo
 * permit holder) also keeps their own. Runs once: skipped when any profile exists.
 */
@Component
@Order(7)
@ConditionalOnProperty(name = "kc.demo.enabled", havingValue = "true")
class DemoProfiles implements ApplicationRunner {

    private final TravellerProfileRepository profiles;
    private final ProfileChangeRepository changes;
    private final ProfilePhotoRepository photos;
    private final Organisations organisations;
    private final Accounts accounts;
    private final Clock clock;

    DemoProfiles(TravellerProfileRepository profiles, ProfileChangeRepository changes, ProfilePhotoRepository photos,
            Organisations organisations, Accounts accounts, Clock clock) {
        this.profiles = profiles;
        this.changes = changes;
        this.photos = photos;
        this.organisations = organisations;
        this.accounts = accounts;
        this.clock = clock;
    }

    @Override
    @RetryOnWriteConflict
    @Transactional
    public void run(ApplicationArguments args) {
        if (profiles.count() > 0) {
            return;
        }
        Instant now = clock.instant();
        PhotoProcessor.Photo photo = DemoApplications.demoPhoto();
        accounts.civilian("civilian@demo.test").ifPresent(civilian -> save(TravellerProfile.own(civilian.id(),
                details("김민수", "KIM MINSU", 1988, "M34567890"), now), civilian.id(), civilian.displayName(), photo,
                now));
        Accounts.Contact coordinator = accounts.civilian("coordinator@demo.test").orElse(null);
        if (coordinator == null) {
            return;
        }
        Long company = organisations.membershipsOf(coordinator.id()).stream()
                .filter(m -> m.role() == OrganisationRole.COORDINATOR).map(Organisations.Membership::organisationId)
                .findFirst().orElse(null);
        if (company == null) {
            return;
        }
        Accounts.Contact memberAccount = accounts.civilian("coordinator3@demo.test")
                .filter(c -> organisations.isMember(c.id(), company)).orElse(null);
        Long member = memberAccount == null ? null : memberAccount.id();
        // the member with an account (the demo permit holder) keeps a profile of their own too, the same person
        ProfileDetails memberDetails = details("윤서진", "YUN SEOJIN", 1979, "M45678901");
        if (memberAccount != null) {
            save(TravellerProfile.own(member, memberDetails, now), member, memberAccount.displayName(), photo, now);
        }
        List<ProfileDetails> people = List.of(memberDetails,
                details("이서연", "LEE SEOYEON", 1990, "M56789012"), details("최도윤", "CHOI DOYUN", 1984, "M67890123"),
                details("정하은", "JEONG HAEUN", 1993, "M78901234"), details("강태현", "KANG TAEHYUN", 1976, "M89012345"),
                details("윤수빈", "YUN SUBIN", 1987, "M90123456"));
        for (int i = 0; i < people.size(); i++) {
            save(TravellerProfile.kept(company, i == 0 ? member : null, people.get(i), now), coordinator.id(),
                    coordinator.displayName(), photo, now);
        }
    }

    private void save(TravellerProfile profile, long by, String byName, PhotoProcessor.Photo photo, Instant now) {
        profiles.saveAndFlush(profile);
        photos.save(new ProfilePhoto(profile.getId(), photo, now));
        profile.photoAttached(now);
        changes.save(new ProfileChange(profile.getId(), by, byName, List.of("created"), now));
    }

    private static ProfileDetails details(String korean, String latin, int year, String idNumber) {
        return new ProfileDetails(korean, latin, LocalDate.of(year, 3, 14), "KOR", IdDocumentType.PASSPORT, idNumber,
                "010-5555-" + idNumber.substring(5));
    }
}
