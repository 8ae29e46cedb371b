package kr.kaesongcrossing.application.manifest;

import static kr.kaesongcrossing.application.ApplicationStatus.APPROVED_FOR_TRAVEL;
import static kr.kaesongcrossing.application.ApplicationStatus.AWAITING_CONSENT;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import kr.kaesongcrossing.application.ApplicationStatus;
import kr.kaesongcrossing.application.consent.SlotConsents;
import kr.kaesongcrossing.application.model.Actor;
import kr.kaesongcrossing.application.model.TravelApplication;
import kr.kaesongcrossing.application.model.TravelApplicationRepository;
import kr.kaesongcrossing.audit.AuditTrail;
import kr.kaesongcrossing.audit.Subject;
import kr.kaesongcrossing.schedule.Booking;
import kr.kaesongcrossing.schedule.Slot;
import kr.kaesongcrossing.schedule.SlotKey;
import kr.kaesongcrossing.schedule.Slots;
import kr.kaesongcrossing.schedule.TravelDirection;
import kr.kaesongcrossing.system.OfficeTime;
import kr.kaesongcrossing.system.RetryOnWriteConflict;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The slots' manifests: the list as it stands now, its recorded versions, and which version was sent to the North.
 * A trip is on a slot's list while the office has approved it and it is not over: awaiting the counterpart's consent
 * (the list is how the North is asked) or approved for travel. Trips the office has not decided yet hold their seats
 * but are not sent: the North is told only about people the South lets go, and learns nothing of applicants the office
 * may still reject.
 */
@Service
public class Manifests {

    /** The trips a list names (see the class comment). */
    static final Set<ApplicationStatus> LISTED = Set.of(AWAITING_CONSENT, APPROVED_FOR_TRAVEL);
    /** The coming days the slot list shows, after today. */
    static final int DAYS_AHEAD = 7;

    private final Slots slots;
    private final TravelApplicationRepository applications;
    private final SlotConsents consents;
    private final JdbcTemplate jdbc;
    private final AuditTrail audit;
    private final Clock clock;

    Manifests(Slots slots, TravelApplicationRepository applications, SlotConsents consents, JdbcTemplate jdbc,
            AuditTrail audit, Clock clock) {
        this.slots = slots;
        this.applications = applications;
        this.consents = consents;
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
    }

    /** Every slot of today and the next {@link #DAYS_AHEAD} days, by date, northbound first, by time. */
    @Transactional(readOnly = true)
    public List<SlotRow> coming() {
        LocalDate today = OfficeTime.today(clock);
        List<Slot> found = new ArrayList<>();
        for (int day = 0; day <= DAYS_AHEAD; day++) {
            for (TravelDirection direction : TravelDirection.values()) {
                found.addAll(slots.on(today.plusDays(day), direction));
            }
        }
        List<SlotKey> keys = found.stream().map(Slot::key).toList();
        Set<String> consented = consents.withConsent(keys);
        Map<String, Integer> sent = new HashMap<>();
        if (!keys.isEmpty()) {
            jdbc.query("SELECT slot, MAX(version) FROM manifest_version WHERE sent_at IS NOT NULL AND slot IN ("
                    + String.join(",", keys.stream().map(k -> "?").toList()) + ") GROUP BY slot",
                    rs -> {
                        sent.put(rs.getString(1), rs.getInt(2));
                    }, keys.stream().map(SlotKey::toString).toArray());
        }
        Instant now = clock.instant();
        return found.stream().map(slot -> {
            String key = slot.key().toString();
            SlotRow.Status status = slot.cancelled() ? SlotRow.Status.CANCELLED
                    : consented.contains(key) ? SlotRow.Status.CONSENT_RECEIVED
                    : sent.containsKey(key) ? SlotRow.Status.SENT
                    : slot.listClosed(now) ? SlotRow.Status.LIST_CLOSED
                    : SlotRow.Status.OPEN;
            return new SlotRow(slot, status, sent.get(key));
        }).toList();
    }

    /** The slot {@code key} names, if the schedule has it. */
    @Transactional(readOnly = true)
    public Optional<Slot> slot(SlotKey key) {
        return slots.find(key);
    }

    /** The list as it stands now, and how many seats are held by trips the office has not decided yet. */
    @Transactional(readOnly = true)
    public Current current(SlotKey key) {
        List<Booking> bookings = slots.bookingsIn(key);
        Map<Long, TravelApplication> trips = applications.findWithGoods(bookings.stream().map(Booking::applicationId)
                .toList()).stream().collect(Collectors.toMap(TravelApplication::getId, Function.identity()));
        List<Manifest.Traveller> travellers = new ArrayList<>();
        List<Long> ids = new ArrayList<>();
        int undecided = 0;
        for (Booking booking : bookings) {
            TravelApplication trip = trips.get(booking.applicationId());
            if (trip == null) {
                continue;
            }
            if (trip.getStatus().isUndecided()) {
                undecided++;
            }
            if (!LISTED.contains(trip.getStatus())) {
                continue;
            }
            ids.add(trip.getId());
            travellers.add(new Manifest.Traveller(trip.getReference(), trip.getNameKorean(), trip.getNameLatin(),
                    trip.getDateOfBirth(), trip.getOrganisation(), trip.getIdDocumentType(), booking.lateReason(),
                    booking.vehicles() > 0 ? trip.getVehiclePlate() : null,
                    booking.vehicles() > 0 ? trip.getVehicleType() : null, trip.getGoods()));
        }
        Map<String, Long> idsByReference = new HashMap<>();
        trips.values().forEach(t -> idsByReference.put(t.getReference(), t.getId()));
        return new Current(new Manifest(key, travellers), idsByReference, undecided, groups(ids));
    }

    /** The group reference of each listed trip that belongs to a group trip. */
    private Map<String, String> groups(List<Long> ids) {
        Map<String, String> groups = new HashMap<>();
        if (ids.isEmpty()) {
            return groups;
        }
        String marks = String.join(",", Collections.nCopies(ids.size(), "?"));
        jdbc.query("SELECT a.reference, g.reference FROM travel_application a JOIN trip_group g ON g.id = a.group_id "
                + "WHERE a.id IN (" + marks + ")", rs -> {
                    groups.put(rs.getString(1), rs.getString(2));
                }, ids.toArray());
        return groups;
    }

    /**
     * The list now; {@code ids} maps each listed reference to its application, for the consent form; {@code groups}
     * each listed reference of a group trip to the group's reference.
     */
    public record Current(Manifest manifest, Map<String, Long> ids, int undecided, Map<String, String> groups) {

        /**
         * The travellers for the office's page: each group together (by group reference), then those travelling
         * alone, each part in the list's order. The list for the North (its text, CSV and PDF) keeps its own order.
         */
        public List<Manifest.Traveller> byGroup() {
            return manifest.travellers().stream().sorted(Comparator.comparing(
                    (Manifest.Traveller t) -> groups.get(t.reference()),
                    Comparator.nullsLast(Comparator.naturalOrder()))).toList();
        }
    }

    /** The slot's recorded versions, newest first. */
    @Transactional(readOnly = true)
    public List<ManifestVersion> versions(SlotKey key) {
        return jdbc.query("SELECT version, created_at, created_by_name, content, sent_at, sent_by_name, anonymised_at "
                + "FROM manifest_version WHERE slot = ? ORDER BY version DESC", (rs, row) -> new ManifestVersion(
                        rs.getInt("version"), rs.getTimestamp("created_at").toInstant(),
                        rs.getString("created_by_name"), Manifest.parse(key, rs.getString("content")),
                        Optional.ofNullable(rs.getTimestamp("sent_at")).map(Timestamp::toInstant).orElse(null),
                        rs.getString("sent_by_name"), Optional.ofNullable(rs.getTimestamp("anonymised_at"))
                                .map(Timestamp::toInstant).orElse(null)), key.toString());
    }

    @Transactional(readOnly = true)
    public Optional<ManifestVersion> version(SlotKey key, int version) {
        return versions(key).stream().filter(v -> v.version() == version).findFirst();
    }

    /**
     * Records the list as it stands as the slot's next version, unless it equals the latest one.
     *
     * @return the version that holds the current list
     * @throws ManifestChangedException when someone else recorded a version at the same moment
     */
    @RetryOnWriteConflict
    @Transactional
    public int record(SlotKey key, Actor officer) {
        String content = current(key).manifest().toText();
        List<ManifestVersion> versions = versions(key);
        if (!versions.isEmpty() && versions.get(0).manifest().toText().equals(content)) {
            return versions.get(0).version();
        }
        int next = versions.isEmpty() ? 1 : versions.get(0).version() + 1;
        try {
            jdbc.update("INSERT INTO manifest_version (slot, version, created_at, created_by_id, created_by_name, "
                    + "content) VALUES (?, ?, ?, ?, ?, ?)", key.toString(), next, Timestamp.from(clock.instant()),
                    officer.accountId(), officer.name(), content);
        } catch (DuplicateKeyException e) {
            throw new ManifestChangedException(next - 1, next);
        }
        audit.record("manifest.recorded", Subject.of("slot", key), "version=" + next);
        return next;
    }

    /**
     * Marks {@code version} as sent to the North, by {@code officer}, now. Only the latest version can be sent: an
     * older one no longer says who crosses.
     */
    @RetryOnWriteConflict
    @Transactional
    public void markSent(SlotKey key, int version, Actor officer) {
        List<ManifestVersion> versions = versions(key);
        ManifestVersion marked = versions.stream().filter(v -> v.version() == version).findFirst()
                .orElseThrow(SlotNotFoundException::new);
        if (marked.sent()) {
            throw new ManifestAlreadySentException(marked);
        }
        if (versions.get(0).version() != version) {
            throw new ManifestChangedException(version, versions.get(0).version());
        }
        int updated = jdbc.update("UPDATE manifest_version SET sent_at = ?, sent_by_id = ?, sent_by_name = ? "
                + "WHERE slot = ? AND version = ? AND sent_at IS NULL", Timestamp.from(clock.instant()),
                officer.accountId(), officer.name(), key.toString(), version);
        if (updated == 0) {
            throw new ManifestAlreadySentException(version(key, version).orElseThrow());
        }
        audit.record("manifest.sent", Subject.of("slot", key), "version=" + version);
    }
}
