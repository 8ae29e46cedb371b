package kr.kaesongcrossing.application.review;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import kr.kaesongcrossing.application.ApplicationStatus;
import kr.kaesongcrossing.application.model.TravelApplication;
import kr.kaesongcrossing.application.permit.StandingPermit;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The duplicate check: someone who already holds dates that overlap a trip, matched on the keyed hash of the ID
 * number ({@link kr.kaesongcrossing.system.IdentityHash}) or on date of birth with the Hangul or Latin name. What
 * "holds" means is {@link #holders}: open applications (submitted and still going ahead) and valid standing permits
 * (not revoked; matched on the hash stored at grant time only, as the permit keeps no name or birth date), so that
 * the queue and the review page ask one question. A booking on a permit is never flagged against its own permit.
 */
@Component
public class Duplicates {

    /** How the other record was matched. */
    public enum Match {
        ID_NUMBER, NAME_AND_BIRTH
    }

    /** The person as a record names them; any part may be null (then it matches nothing). */
    public record Identity(String idNumberHash, String nameKorean, String nameLatin, LocalDate dateOfBirth) {

        static Identity of(TravelApplication a) {
            return new Identity(a.getIdNumberHash(), a.getNameKorean(), a.getNameLatin(), a.getDateOfBirth());
        }
    }

    /**
     * Someone else's record holding overlapping dates: an application ({@code applicationId} and {@code status}) or
     * a standing permit ({@code permitId}; no status).
     */
    public record Holder(Long applicationId, Long permitId, String reference, ApplicationStatus status,
            LocalDate from, LocalDate to, Match match) {

        public boolean permit() {
            return permitId != null;
        }
    }

    private static final List<String> OPEN =
            TravelApplication.HOLDING_SEATS.stream().map(ApplicationStatus::name).sorted().toList();
    /** Same person as application {@code a}, by the hash or by birth date and name (an index serves each). */
    private static final String SAME_PERSON_BY_HASH = "b.id_number_hash = a.id_number_hash";
    private static final String SAME_PERSON_BY_NAME = "b.date_of_birth = a.date_of_birth"
            + " and (b.name_korean = a.name_korean or b.name_latin = a.name_latin)";
    /** A valid permit of the same person (by the hash) overlapping application {@code a}, other than its own. */
    private static final String PERMIT_OF_SAME_PERSON = "select 1 from standing_permit p where p.revoked_at is null"
            + " and p.id_number_hash = a.id_number_hash and p.valid_from <= a.return_date"
            + " and p.valid_until >= a.entry_date and (a.permit_id is null or p.id <> a.permit_id)";

    private final NamedParameterJdbcTemplate jdbc;

    Duplicates(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Who else holds dates overlapping {@code from}..{@code to} (both included) for this identity: open applications
     * other than {@code excludeApplicationId} (null: none excluded), ID number matches first, each record once; then
     * valid standing permits other than {@code excludePermitId} (null: none).
     */
    @Transactional(readOnly = true)
    public List<Holder> holders(Identity who, LocalDate from, LocalDate to, Long excludeApplicationId,
            Long excludePermitId) {
        if (from == null || to == null) {
            return List.of();
        }
        Map<Long, Holder> found = new LinkedHashMap<>();
        MapSqlParameterSource params = new MapSqlParameterSource("open", OPEN).addValue("from", from)
                .addValue("to", to).addValue("exclude", excludeApplicationId == null ? -1L : excludeApplicationId)
                .addValue("hash", who.idNumberHash()).addValue("birth", who.dateOfBirth())
                .addValue("nameKorean", who.nameKorean()).addValue("nameLatin", who.nameLatin());
        String overlapping = " from travel_application b where b.status in (:open) and b.id <> :exclude"
                + " and b.entry_date <= :to and b.return_date >= :from and ";
        if (who.idNumberHash() != null) {
            add(found, "select b.id, b.reference, b.status, b.entry_date, b.return_date" + overlapping
                    + "b.id_number_hash = :hash order by b.entry_date, b.id", params, Match.ID_NUMBER);
        }
        if (who.dateOfBirth() != null && (who.nameKorean() != null || who.nameLatin() != null)) {
            add(found, "select b.id, b.reference, b.status, b.entry_date, b.return_date" + overlapping
                    + "b.date_of_birth = :birth and (b.name_korean = :nameKorean or b.name_latin = :nameLatin)"
                    + " order by b.entry_date, b.id", params, Match.NAME_AND_BIRTH);
        }
        List<Holder> all = new ArrayList<>(found.values());
        if (who.idNumberHash() != null) {
            jdbc.query("select p.id, p.granted_at, p.valid_from, p.valid_until from standing_permit p"
                    + " where p.id_number_hash = :hash and p.valid_until >= :from and p.valid_from <= :to"
                    + " and p.revoked_at is null and p.id <> :excludePermit order by p.valid_from, p.id",
                    params.addValue("excludePermit", excludePermitId == null ? -1L : excludePermitId),
                    row -> {
                        long id = row.getLong(1);
                        all.add(new Holder(null, id, StandingPermit.reference(id, row.getTimestamp(2).toInstant()),
                                null, row.getDate(3).toLocalDate(), row.getDate(4).toLocalDate(), Match.ID_NUMBER));
                    });
        }
        return List.copyOf(all);
    }

    /** Who else holds dates overlapping this application's trip. */
    @Transactional(readOnly = true)
    public List<Holder> holders(TravelApplication application) {
        return holders(Identity.of(application), application.getEntryDate(), application.getReturnDate(),
                application.getId(), application.getPermitId());
    }

    /**
     * Which of these applications (a page of the queue) are open and have someone else holding overlapping dates:
     * one query, each row checked through the indexes on the hash and on date of birth.
     */
    @Transactional(readOnly = true)
    public Set<Long> flagged(Collection<Long> applicationIds) {
        if (applicationIds.isEmpty()) {
            return Set.of();
        }
        String other = "select 1 from travel_application b where b.status in (:open) and b.id <> a.id"
                + " and b.entry_date <= a.return_date and b.return_date >= a.entry_date and ";
        return new HashSet<>(jdbc.queryForList("select a.id from travel_application a where a.id in (:ids)"
                + " and a.status in (:open) and (exists (" + other + SAME_PERSON_BY_HASH + ") or exists (" + other
                + SAME_PERSON_BY_NAME + ") or exists (" + PERMIT_OF_SAME_PERSON + "))",
                new MapSqlParameterSource("ids", applicationIds).addValue("open", OPEN),
                Long.class));
    }

    private void add(Map<Long, Holder> found, String sql, MapSqlParameterSource params, Match match) {
        jdbc.query(sql, params, row -> {
            long id = row.getLong(1);
            found.putIfAbsent(id, new Holder(id, null, row.getString(2), ApplicationStatus.valueOf(row.getString(3)),
                    row.getDate(4).toLocalDate(), row.getDate(5).toLocalDate(), match));
        });
    }
}
