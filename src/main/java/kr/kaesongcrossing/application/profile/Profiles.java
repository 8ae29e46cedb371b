package kr.kaesongcrossing.application.profile;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import kr.kaesongcrossing.account.AccountPrincipal;
import kr.kaesongcrossing.account.Accounts;
import kr.kaesongcrossing.application.photo.PhotoProcessor;
import kr.kaesongcrossing.organisation.Organisations;
import kr.kaesongcrossing.system.RetryOnWriteConflict;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Traveller profiles: a person's own, and those an organisation's coordinators keep for its people. Every read
 * and change is checked against the viewer: the person the profile is about sees it, the coordinators of the
 * organisation that keeps it see and change it; anyone else gets {@link ProfileNotFoundException}.
 */
@Service
public class Profiles {

    /** A member of an organisation as the coordinator's list shows them, with the profile kept for them if any. */
    public record MemberRow(Long accountId, String name, String email, TravellerProfile profile) {
    }

    private final TravellerProfileRepository profiles;
    private final ProfileChangeRepository changes;
    private final ProfilePhotoRepository photos;
    private final Organisations organisations;
    private final Accounts accounts;
    private final Clock clock;

    Profiles(TravellerProfileRepository profiles, ProfileChangeRepository changes, ProfilePhotoRepository photos,
            Organisations organisations, Accounts accounts, Clock clock) {
        this.profiles = profiles;
        this.changes = changes;
        this.photos = photos;
        this.organisations = organisations;
        this.accounts = accounts;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public Optional<TravellerProfile> own(long accountId) {
        return profiles.findByAccountIdAndOrganisationIdIsNull(accountId);
    }

    /** What organisations keep about this person. */
    @Transactional(readOnly = true)
    public List<TravellerProfile> keptAbout(long accountId) {
        return profiles.findByAccountIdAndOrganisationIdIsNotNull(accountId);
    }

    /** Creates or changes the person's own profile; a new one needs the ID number and the photo. */
    @RetryOnWriteConflict
    @Transactional
    public long saveOwn(AccountPrincipal user, ProfileDetails details, PhotoProcessor.Photo photo) {
        Instant now = clock.instant();
        TravellerProfile profile = own(user.id()).orElse(null);
        if (profile == null) {
            profile = profiles.saveAndFlush(TravellerProfile.own(user.id(), details, now));
            record(profile, user, List.of("created"), now);
        } else {
            record(profile, user, profile.update(details, now), now);
        }
        attach(profile, user, photo, now);
        return profile.getId();
    }

    /** These profiles were used for a trip returning on {@code returnDate}: retention keeps them that long more. */
    @RetryOnWriteConflict
    @Transactional
    public void usedUntil(Collection<Long> profileIds, LocalDate returnDate) {
        profiles.markUsed(profileIds, returnDate);
    }

    /** The organisation's members and the profiles kept for them, then the profiles of people without an account. */
    @Transactional(readOnly = true)
    public List<MemberRow> organisationRows(AccountPrincipal coordinator, long organisationId) {
        requireCoordinator(coordinator, organisationId);
        List<TravellerProfile> kept = profiles.findByOrganisationIdOrderByNameKorean(organisationId);
        Map<Long, TravellerProfile> byAccount = kept.stream().filter(p -> p.getAccountId() != null)
                .collect(Collectors.toMap(TravellerProfile::getAccountId, p -> p));
        List<Long> members = organisations.memberAccounts(organisationId);
        Map<Long, Accounts.Contact> contacts = accounts.contacts(members);
        List<MemberRow> rows = new java.util.ArrayList<>();
        for (long accountId : members) {
            Accounts.Contact contact = contacts.get(accountId);
            rows.add(new MemberRow(accountId, contact == null ? "" : contact.displayName(),
                    contact == null ? "" : contact.email(), byAccount.get(accountId)));
        }
        kept.stream().filter(p -> p.getAccountId() == null)
                .forEach(p -> rows.add(new MemberRow(null, p.getNameKorean(), "", p)));
        return rows;
    }

    /**
     * A coordinator creates ({@code profileId} null) or changes a profile the organisation keeps: about a member
     * ({@code accountId}, who must belong to the organisation) or a person without an account (null).
     */
    @RetryOnWriteConflict
    @Transactional
    public long saveKept(AccountPrincipal coordinator, long organisationId, Long profileId, Long accountId,
            ProfileDetails details, PhotoProcessor.Photo photo) {
        requireCoordinator(coordinator, organisationId);
        Instant now = clock.instant();
        TravellerProfile profile;
        if (profileId == null) {
            if (accountId != null && !organisations.isMember(accountId, organisationId)) {
                throw new ProfileNotFoundException();
            }
            if (accountId != null && profiles.existsByOrganisationIdAndAccountId(organisationId, accountId)) {
                throw new ProfileRefused("profile.refused.exists");
            }
            profile = profiles.saveAndFlush(TravellerProfile.kept(organisationId, accountId, details, now));
            record(profile, coordinator, List.of("created"), now);
        } else {
            profile = profiles.findById(profileId).filter(p -> Long.valueOf(organisationId)
                    .equals(p.getOrganisationId())).orElseThrow(ProfileNotFoundException::new);
            record(profile, coordinator, profile.update(details, now), now);
        }
        attach(profile, coordinator, photo, now);
        return profile.getId();
    }

    /** A profile the viewer may see: their own, one kept about them, or one their organisation keeps. */
    @Transactional(readOnly = true)
    public TravellerProfile visible(AccountPrincipal viewer, long profileId) {
        return profiles.findById(profileId).filter(p -> mayView(viewer, p))
                .orElseThrow(ProfileNotFoundException::new);
    }

    /** A profile the organisation keeps, for its coordinator. */
    @Transactional(readOnly = true)
    public TravellerProfile kept(AccountPrincipal coordinator, long organisationId, long profileId) {
        requireCoordinator(coordinator, organisationId);
        return profiles.findById(profileId).filter(p -> Long.valueOf(organisationId).equals(p.getOrganisationId()))
                .orElseThrow(ProfileNotFoundException::new);
    }

    @Transactional(readOnly = true)
    public List<ProfileChange> history(AccountPrincipal viewer, long profileId) {
        visible(viewer, profileId);
        return changes.findByProfileIdOrderByChangedAtDescIdDesc(profileId);
    }

    @Transactional(readOnly = true)
    public Optional<PhotoProcessor.Photo> photo(AccountPrincipal viewer, long profileId) {
        visible(viewer, profileId);
        return photos.findById(profileId).map(ProfilePhoto::photo);
    }

    /** The photo of a profile, for copying into an application (the caller checked the viewer). */
    @Transactional(readOnly = true)
    public Optional<PhotoProcessor.Photo> photoOf(long profileId) {
        return photos.findById(profileId).map(ProfilePhoto::photo);
    }

    /** Profiles of the organisation by id, for a coordinator choosing travellers. */
    @Transactional(readOnly = true)
    public List<TravellerProfile> keptByIds(AccountPrincipal coordinator, long organisationId, Set<Long> ids) {
        requireCoordinator(coordinator, organisationId);
        List<TravellerProfile> found = profiles.findAllById(ids).stream()
                .filter(p -> Long.valueOf(organisationId).equals(p.getOrganisationId())).toList();
        if (found.size() != ids.size()) {
            throw new ProfileNotFoundException();
        }
        return found;
    }

    public boolean coordinates(AccountPrincipal user, long organisationId) {
        return organisations.coordinates(user.id(), organisationId);
    }

    private boolean mayView(AccountPrincipal viewer, TravellerProfile p) {
        return viewer.id().equals(p.getAccountId())
                || p.getOrganisationId() != null && organisations.coordinates(viewer.id(), p.getOrganisationId());
    }

    private void requireCoordinator(AccountPrincipal user, long organisationId) {
        if (!organisations.coordinates(user.id(), organisationId)) {
            throw new ProfileNotFoundException();
        }
    }

    private void record(TravellerProfile profile, AccountPrincipal by, List<String> fields, Instant now) {
        if (!fields.isEmpty()) {
            changes.save(new ProfileChange(profile.getId(), by.id(), by.displayName(), fields, now));
        }
    }

    private void attach(TravellerProfile profile, AccountPrincipal by, PhotoProcessor.Photo photo, Instant now) {
        if (photo == null) {
            return;
        }
        photos.findById(profile.getId()).ifPresentOrElse(stored -> stored.replace(photo, now),
                () -> photos.save(new ProfilePhoto(profile.getId(), photo, now)));
        profile.photoAttached(now);
        record(profile, by, List.of("photo"), now);
    }
}
