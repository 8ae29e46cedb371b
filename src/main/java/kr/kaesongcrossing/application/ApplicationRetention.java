package kr.kaesongcrossing.application;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import kr.kaesongcrossing.application.manifest.Manifest;
import kr.kaesongcrossing.schedule.SlotKey;
import kr.kaesongcrossing.system.Batches;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Anonymises applications past their retention period: finished trips (return date before a cut-off day) and
 * refused or withdrawn applications (last changed before a cut-off instant). Names, birth date, ID number, phone,
 * vehicle plate, free-text purpose and the photo go; status, dates, organisation, purpose, nationality, slots and
 * goods stay, so the counts by day, organisation and purpose do not change. The timeline keeps its steps (statuses,
 * times, roles) without the actors' names and reasons. Rows are marked {@code anonymised_at} and skipped later.
 *
 * <p>Manifest versions of slots dated before the same day keep their counts without the personal lines.
 *
 * <p>Issue 15's stores follow the same periods: a standing permit ended (its last day before the cut-off day, or
 * revoked before the cut-off instant) keeps only its terms and the holder's account id, without its free-text
 * purpose, revocation reason, identity hash and the reasons its renewals were declined; a group trip that returned
 * before the cut-off day keeps its reference, dates and counts, without its free-text purpose and the names on its
 * timeline; a profile an organisation keeps for a person
 * without an account, neither changed nor used for a trip ({@code used_until}) for the period, is deleted with its
 * photo and history. A person's own profile, and one kept about an account holder, stay while the account exists.
 *
 * <p>Set-based SQL in batches of {@value #BATCH} ids a transaction: a run over years of applications never holds
 * many row locks for long, and a run that stops half-way goes on where it stopped.
 */
@Service
public class ApplicationRetention {

    static final int BATCH = 500;
    private static final List<String> FINAL = List.of(ApplicationStatus.REJECTED.name(),
            ApplicationStatus.WITHDRAWN.name(), ApplicationStatus.CONSENT_REFUSED.name());
    private static final String FINISHED = "anonymised_at IS NULL AND return_date < :day AND status NOT IN (:final)";
    /** A slot key's text starts with its direction and ISO date (N-2026-12-03-0830), so its date compares as text. */
    private static final String OLD_MANIFEST = "anonymised_at IS NULL AND SUBSTRING(slot, 3, 10) < :day";
    private static final String REFUSED = "anonymised_at IS NULL AND updated_at < :before AND status IN (:final)";

    private static final String ENDED_PERMIT = "anonymised_at IS NULL AND (valid_until < :day OR revoked_at < :before)";
    private static final String FINISHED_GROUP = "anonymised_at IS NULL AND return_date < :day";
    private static final String UNUSED_PROFILE = "account_id IS NULL AND organisation_id IS NOT NULL"
            + " AND updated_at < :before AND (used_until IS NULL OR used_until < :day)";

    private final NamedParameterJdbcTemplate jdbc;
    private final TransactionTemplate transactions;

    ApplicationRetention(NamedParameterJdbcTemplate jdbc, TransactionTemplate transactions) {
        this.jdbc = jdbc;
        this.transactions = transactions;
    }

    /** Finished trips (not refused or withdrawn) that returned before {@code day} and are not yet anonymised. */
    public long countFinishedTrips(LocalDate day) {
        return count(FINISHED, finished(day));
    }

    /** Refused or withdrawn applications last changed before {@code before}, not yet anonymised. */
    public long countRefused(Instant before) {
        return count(REFUSED, refused(before));
    }

    public long anonymiseFinishedTrips(LocalDate day, Instant now) {
        return anonymise(FINISHED, finished(day), now);
    }

    public long anonymiseRefused(Instant before, Instant now) {
        return anonymise(REFUSED, refused(before), now);
    }

    /** Manifest versions of slots dated before {@code day}, not yet anonymised. */
    public long countManifestVersions(LocalDate day) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM manifest_version WHERE " + OLD_MANIFEST,
                Map.of("day", day.toString()), Long.class);
    }

    /**
     * Rewrites each version's list without its personal lines ({@link Manifest#anonymised()}): what was sent stays
     * countable (travellers, vehicles, goods), and its downloads still work, saying it was anonymised.
     */
    public long anonymiseManifestVersions(LocalDate day, Instant now) {
        return Batches.byKeys(transactions, BATCH, 0L, after -> jdbc.queryForList("SELECT id FROM manifest_version"
                + " WHERE id > :after AND " + OLD_MANIFEST + " ORDER BY id LIMIT " + BATCH,
                Map.of("after", after, "day", day.toString()), Long.class), ids -> {
                    List<Map<String, Object>> versions = jdbc.queryForList("SELECT id, slot, content"
                            + " FROM manifest_version WHERE id IN (:ids)", Map.of("ids", ids));
                    jdbc.batchUpdate("UPDATE manifest_version SET content = :content, anonymised_at = :now"
                            + " WHERE id = :id", versions.stream().map(v -> new MapSqlParameterSource("id", v.get("id"))
                                    .addValue("now", Timestamp.from(now))
                                    .addValue("content", anonymised((String) v.get("slot"), (String) v.get("content"))))
                            .toArray(MapSqlParameterSource[]::new));
                });
    }

    /** Standing permits ended (last day before {@code day}, or revoked before {@code before}), not yet anonymised. */
    public long countEndedPermits(LocalDate day, Instant before) {
        return countIn("standing_permit", ENDED_PERMIT, cutOff(day, before));
    }

    public long anonymiseEndedPermits(LocalDate day, Instant before, Instant now) {
        return inBatches("standing_permit", ENDED_PERMIT, cutOff(day, before), ids -> {
            Map<String, Object> batch = Map.of("ids", ids, "now", Timestamp.from(now));
            jdbc.update("UPDATE permit_renewal SET decline_reason = NULL WHERE permit_id IN (:ids)", batch);
            jdbc.update("UPDATE standing_permit SET purpose_detail = '', revocation_reason = NULL,"
                    + " id_number_hash = NULL, anonymised_at = :now, version = version + 1 WHERE id IN (:ids)", batch);
        });
    }

    /** Group trips that returned before {@code day}, not yet anonymised. */
    public long countFinishedGroups(LocalDate day) {
        return countIn("trip_group", FINISHED_GROUP, new MapSqlParameterSource("day", day));
    }

    public long anonymiseFinishedGroups(LocalDate day, Instant now) {
        return inBatches("trip_group", FINISHED_GROUP, new MapSqlParameterSource("day", day), ids -> {
            Map<String, Object> batch = Map.of("ids", ids, "now", Timestamp.from(now));
            jdbc.update("UPDATE trip_group_event SET actor_name = '' WHERE group_id IN (:ids)", batch);
            jdbc.update("UPDATE trip_group SET purpose_detail = '', anonymised_at = :now, version = version + 1"
                    + " WHERE id IN (:ids)", batch);
        });
    }

    /** Profiles kept for people without an account, not changed since {@code before} nor used since {@code day}. */
    public long countUnusedProfiles(LocalDate day, Instant before) {
        return countIn("traveller_profile", UNUSED_PROFILE, cutOff(day, before));
    }

    public long deleteUnusedProfiles(LocalDate day, Instant before) {
        return inBatches("traveller_profile", UNUSED_PROFILE, cutOff(day, before), ids -> {
            Map<String, Object> batch = Map.of("ids", ids);
            jdbc.update("DELETE FROM traveller_profile_photo WHERE profile_id IN (:ids)", batch);
            jdbc.update("DELETE FROM traveller_profile_change WHERE profile_id IN (:ids)", batch);
            jdbc.update("DELETE FROM traveller_profile WHERE id IN (:ids)", batch);
        });
    }

    private static MapSqlParameterSource cutOff(LocalDate day, Instant before) {
        return new MapSqlParameterSource("day", day).addValue("before", Timestamp.from(before));
    }

    private long countIn(String table, String where, MapSqlParameterSource params) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM " + table + " WHERE " + where, params, Long.class);
    }

    private long inBatches(String table, String where, MapSqlParameterSource params,
            Consumer<List<Long>> action) {
        return Batches.byKeys(transactions, BATCH, 0L, after -> jdbc.queryForList("SELECT id FROM " + table
                + " WHERE id > :after AND " + where + " ORDER BY id LIMIT " + BATCH, params.addValue("after", after),
                Long.class), action);
    }

    private static String anonymised(String slot, String content) {
        SlotKey key = SlotKey.parse(slot).orElseThrow(() -> new IllegalStateException("slot key " + slot));
        return Manifest.parse(key, content).anonymised().toText();
    }

    private static MapSqlParameterSource finished(LocalDate day) {
        return new MapSqlParameterSource("day", day).addValue("final", FINAL);
    }

    private static MapSqlParameterSource refused(Instant before) {
        return new MapSqlParameterSource("before", Timestamp.from(before)).addValue("final", FINAL);
    }

    private long count(String where, MapSqlParameterSource params) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM travel_application WHERE " + where, params, Long.class);
    }

    private long anonymise(String where, MapSqlParameterSource params, Instant now) {
        return Batches.byKeys(transactions, BATCH, 0L, after -> jdbc.queryForList("SELECT id FROM travel_application"
                + " WHERE id > :after AND " + where + " ORDER BY id LIMIT " + BATCH, params.addValue("after", after),
                Long.class), ids -> {
                    Map<String, Object> batch = Map.of("ids", ids, "now", Timestamp.from(now));
                    jdbc.update("DELETE FROM application_photo WHERE application_id IN (:ids)", batch);
                    jdbc.update("UPDATE application_status_change SET actor_name = NULL, reason = NULL"
                            + " WHERE application_id IN (:ids)", batch);
                    // version + 1: a form still open on such an application is refused as stale, not saved back
                    jdbc.update("UPDATE travel_application SET name_korean = NULL, name_latin = NULL,"
                            + " date_of_birth = NULL, id_number_encrypted = NULL, id_number_hash = NULL, phone = NULL,"
                            + " vehicle_plate = NULL,"
                            + " purpose_detail = NULL, has_photo = FALSE, anonymised_at = :now, version = version + 1"
                            + " WHERE id IN (:ids)", batch);
                });
    }
}
