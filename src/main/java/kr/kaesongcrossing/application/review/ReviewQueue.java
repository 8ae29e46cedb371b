package kr.kaesongcrossing.application.review;

import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.persistence.TypedQuery;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import kr.kaesongcrossing.application.ApplicationStatus;
import kr.kaesongcrossing.application.model.Purpose;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The office's queue: only submitted applications (never drafts), filtered and sorted by planned entry date,
 * a page at a time; a group trip is one item (its lead member's row, linking to the group). Each filter adds a condition only when set, so that the database can use the index that
 * matches (see V10); rows are projections, so no photo, goods or timeline is loaded.
 */
@Component
public class ReviewQueue {

    static final int PAGE_SIZE = 20;
    /** Counting stops here: beyond it the page says "10,000 or more" (an exact count would read every row). */
    static final int COUNT_CAP = 10_000;
    private static final Pattern REFERENCE = Pattern.compile("KC-\\d{4}-\\d{1,10}");
    private static final Pattern GROUP_REFERENCE = Pattern.compile("KG-\\d{4}-\\d{1,10}");
    private static final Pattern FIELD = Pattern.compile("#([a-zA-Z]+)");
    private static final Pattern HANGUL = Pattern.compile(".*[\\uAC00-\\uD7A3\\u3131-\\u318E].*");

    /** The officer's choice; null fields are not filtered on. {@code status} null means every submitted one. */
    public record Filter(ApplicationStatus status, LocalDate entryFrom, LocalDate entryTo, Purpose purpose, String name,
            boolean descending) {

        public Filter {
            name = name == null || name.isBlank() ? null : name.strip();
            if (name != null && name.length() > 100) {
                name = name.substring(0, 100);
            }
        }
    }

    private final EntityManager entityManager;

    ReviewQueue(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    @Transactional(readOnly = true)
    public Page<QueueRow> find(Filter filter, int page) {
        // Conditions name fields as #field; they become entity paths for the page query and columns for the count.
        StringBuilder where = new StringBuilder(" where ");
        Map<String, Object> params = new LinkedHashMap<>();
        if (filter.status() == null) {
            where.append("#submittedAt is not null");
        } else {
            where.append("#status = :status");
            params.put("status", filter.status());
            if (filter.status() == ApplicationStatus.WITHDRAWN || filter.status() == ApplicationStatus.DRAFT) {
                where.append(" and #submittedAt is not null");
            }
        }
        // a group is one item: its lead member stands for it (the group page shows the others)
        where.append(" and (#groupId is null or #groupLead = true)");
        if (filter.entryFrom() != null) {
            where.append(" and #entryDate >= :entryFrom");
            params.put("entryFrom", filter.entryFrom());
        }
        if (filter.entryTo() != null) {
            where.append(" and #entryDate <= :entryTo");
            params.put("entryTo", filter.entryTo());
        }
        if (filter.purpose() != null) {
            where.append(" and #purpose = :purpose");
            params.put("purpose", filter.purpose());
        }
        if (filter.name() != null) {
            String upper = filter.name().toUpperCase(Locale.ROOT);
            if (REFERENCE.matcher(upper).matches()) {
                where.append(" and #reference = :reference");
                params.put("reference", upper);
            } else if (GROUP_REFERENCE.matcher(upper).matches()) {
                where.append(" and #groupId = :groupId");
                params.put("groupId", groupId(upper));
            } else if (HANGUL.matcher(filter.name()).matches()) {
                where.append(" and #nameKorean like :name escape '!'");
                params.put("name", likePrefix(filter.name()));
            } else {
                where.append(" and #nameLatin like :name escape '!'");
                params.put("name", likePrefix(upper));
            }
        }
        String direction = filter.descending() ? " desc" : " asc";
        String order = " order by a.entryDate" + direction + ", a.submittedAt" + direction + ", a.id" + direction;

        // Counting stops after COUNT_CAP + 1 rows: a native query, because HQL wants an order by in a limited
        // subquery, and sorting would cost more than the count saves.
        Query count = entityManager.createNativeQuery("select count(*) from (select id from travel_application"
                + columns(where) + " limit " + (COUNT_CAP + 1) + ") capped");
        params.forEach((k, v) -> count.setParameter(k, v instanceof Enum<?> e ? e.name() : v));
        long total = ((Number) count.getSingleResult()).longValue();
        int lastPage = (int) Math.max(0, (total - 1) / PAGE_SIZE);
        int safePage = Math.max(0, Math.min(page, lastPage));
        if (total == 0) {
            return new PageImpl<>(List.of(), PageRequest.of(0, PAGE_SIZE), 0);
        }
        TypedQuery<QueueRow> rows = entityManager.createQuery("select new "
                + "kr.kaesongcrossing.application.review.QueueRow("
                + "a.id, a.version, a.applicantId, a.reference, a.status, a.nameKorean, a.nameLatin, a.purpose, a.entryDate, "
                + "a.returnDate, a.submittedAt, a.groupId, "
                + "(select g.reference from TripGroup g where g.id = a.groupId), "
                + "(select count(m) from TravelApplication m where m.groupId = a.groupId)) "
                + "from TravelApplication a" + paths(where) + order, QueueRow.class);
        params.forEach(rows::setParameter);
        List<QueueRow> content = rows.setFirstResult(safePage * PAGE_SIZE).setMaxResults(PAGE_SIZE).getResultList();
        return new PageImpl<>(content, PageRequest.of(safePage, PAGE_SIZE), total);
    }

    /** The id of the group with that reference; -1 (no row) when there is none. */
    private long groupId(String reference) {
        return entityManager.createQuery("select g.id from TripGroup g where g.reference = :reference", Long.class)
                .setParameter("reference", reference).getResultStream().findFirst().orElse(-1L);
    }

    private static String paths(CharSequence where) {
        return FIELD.matcher(where).replaceAll("a.$1");
    }

    private static String columns(CharSequence where) {
        return FIELD.matcher(where).replaceAll(m -> m.group(1).replaceAll("([A-Z])", "_$1").toLowerCase(Locale.ROOT));
    }

    private static String likePrefix(String text) {
        return text.replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%";
    }
}
