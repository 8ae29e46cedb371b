package kr.kaesongcrossing.checkpoint.route;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Limit;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface RouteModeChangeRepository extends JpaRepository<RouteModeChange, Long> {

    /** The change in force at {@code at}: the latest start at or before it; of two equal starts the later made. */
    Optional<RouteModeChange> findFirstByCancelledAtIsNullAndStartsAtLessThanEqualOrderByStartsAtDescIdDesc(
            Instant at);

    /** In one query: the change in force at {@code at} (and any made for the same start), then those to come. */
    @Query("""
            select c from RouteModeChange c where c.cancelledAt is null and c.startsAt >= coalesce(
                (select max(d.startsAt) from RouteModeChange d where d.cancelledAt is null and d.startsAt <= :at),
                :at)
            order by c.startsAt, c.id""")
    List<RouteModeChange> findFrom(@Param("at") Instant at, Limit limit);

    Page<RouteModeChange> findAllByOrderByChangedAtDescIdDesc(Pageable pageable);
}
