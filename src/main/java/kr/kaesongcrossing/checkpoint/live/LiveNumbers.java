package kr.kaesongcrossing.checkpoint.live;

import jakarta.annotation.PreDestroy;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import kr.kaesongcrossing.application.TravellerCrossed;
import kr.kaesongcrossing.checkpoint.goods.GoodsLedger;
import kr.kaesongcrossing.checkpoint.roster.Roster;
import kr.kaesongcrossing.checkpoint.GateSlot;
import kr.kaesongcrossing.checkpoint.scan.GateSlots;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.event.EventListener;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The counts of the roster, the goods differences and a station's current slot, pushed to the open pages (Server-Sent
 * Events). Two instances share one database, so a scan answered by the other instance has to be noticed here: while
 * anyone is connected, one thread reads a cheap change marker every second (the newest crossing log and goods rows,
 * the open differences, all on keys or an index) and, when it moved, recomputes the counts once and sends them to
 * each page whose numbers changed. A scan on this instance pushes at once. Every {@code kc.live.refresh} (30 s) the
 * counts are recomputed anyway (a transit grows too long, a pass expires, a slot's window opens) and a page whose
 * numbers did not change gets a comment, which finds the pages that went away. Nobody connected: no reads.
 */
@Component
public class LiveNumbers implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(LiveNumbers.class);
    private static final long RECONNECT_MILLIS = 2_000;

    /**
     * What a page shows. The slot's numbers are the station's current slot at its gate and direction, null without
     * a station or a current slot.
     */
    public record Counts(long inside, long inTransit, long vehicles, long transitTooLong, long overstays,
            long alerts, long openGoodsDifferences, String slot, Integer slotExpected, Integer slotArrived,
            Integer slotMissing) {
    }

    /** An open page: its stream, its station (or null) and what it was last sent. */
    private static final class Page {
        final SseEmitter emitter;
        final GateSlots.Place place;
        Counts sent;

        Page(SseEmitter emitter, GateSlots.Place place) {
            this.emitter = emitter;
            this.place = place;
        }
    }

    private final Roster roster;
    private final GoodsLedger goods;
    private final GateSlots slots;
    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final Duration timeout;
    private final Duration refresh;
    private final Set<Page> pages = ConcurrentHashMap.newKeySet();
    private final ScheduledExecutorService thread = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread t = new Thread(task, "live-numbers");
        t.setDaemon(true);
        return t;
    });
    private ScheduledFuture<?> polling;
    private volatile boolean running;
    // read and written on the one thread only
    private List<Object> marker;
    private Instant computedAt = Instant.MIN;
    private boolean poked;

    LiveNumbers(Roster roster, GoodsLedger goods, GateSlots slots, JdbcTemplate jdbc, Clock clock,
            @Value("${kc.live.timeout:PT10M}") Duration timeout, @Value("${kc.live.refresh:PT30S}") Duration refresh) {
        this.roster = roster;
        this.goods = goods;
        this.slots = slots;
        this.jdbc = jdbc;
        this.clock = clock;
        this.timeout = timeout;
        this.refresh = refresh;
    }

    /**
     * A stream for a page, the station's slot included when {@code place} is given. It ends after
     * {@code kc.live.timeout} (10 minutes; the browser reconnects, through the security checks again).
     */
    public SseEmitter open(GateSlots.Place place) {
        SseEmitter emitter = new SseEmitter(timeout.toMillis());
        try {
            // Held until the stream starts, then written on the request thread: the response, and with it a session
            // new in this request, is committed there. Otherwise this bean's first send could commit it on its own
            // thread while the request thread commits it too, and a new session would be inserted twice.
            emitter.send(SseEmitter.event().comment("open"));
        } catch (IOException cannotHappenYet) {
            throw new UncheckedIOException(cannotHappenYet);
        }
        Page page = new Page(emitter, place);
        emitter.onCompletion(() -> remove(page));
        emitter.onTimeout(() -> {
            remove(page);
            emitter.complete();
        });
        emitter.onError(failure -> remove(page));
        synchronized (pages) {
            pages.add(page);
            if (polling == null) {
                polling = thread.scheduleWithFixedDelay(this::tick, 1, 1, TimeUnit.SECONDS);
            }
        }
        poke();
        return emitter;
    }

    @Override
    public void start() {
        running = true;
    }

    /**
     * First of all at shutdown (the highest phase stops first): an open stream is a request in progress, and the web
     * server's graceful shutdown would otherwise wait its whole timeout for the pages to go away.
     */
    @Override
    public void stop() {
        running = false;
        List<Page> open;
        synchronized (pages) {
            open = List.copyOf(pages);
        }
        open.forEach(page -> page.emitter.complete()); // each removes itself; the browser reconnects elsewhere
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @PreDestroy
    void shutdown() {
        thread.shutdownNow();
    }

    @Override
    public int getPhase() {
        return Integer.MAX_VALUE;
    }

    /** How many pages are connected to this instance. */
    public int connected() {
        return pages.size();
    }

    /**
     * A traveller crossed here: push at once after the commit rather than at the next second. A synchronisation, not
     * a transactional listener: those are stored by the event publication registry, a write per scan.
     */
    @EventListener
    void on(TravellerCrossed crossed) {
        if (!pages.isEmpty() && TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    poke();
                }
            });
        }
    }

    private void poke() {
        thread.execute(() -> {
            poked = true;
            tick();
        });
    }

    private void remove(Page page) {
        synchronized (pages) {
            pages.remove(page);
            if (pages.isEmpty() && polling != null) {
                polling.cancel(false);
                polling = null;
            }
        }
    }

    private void tick() {
        if (pages.isEmpty()) {
            return;
        }
        try {
            List<Object> now = new ArrayList<>(jdbc.queryForMap("SELECT (SELECT MAX(id) FROM crossing_log) AS log_id, "
                    + "(SELECT MAX(id) FROM goods_check) AS check_id, (SELECT MAX(id) FROM goods_difference) AS "
                    + "difference_id, (SELECT COUNT(*) FROM goods_difference WHERE closed_at IS NULL) AS open_count")
                    .values());
            boolean due = !clock.instant().isBefore(computedAt.plus(refresh));
            if (!poked && !due && Objects.equals(now, marker)) {
                return;
            }
            poked = false;
            marker = now;
            computedAt = clock.instant();
            push(due);
        } catch (RuntimeException e) {
            log.warn("Live numbers not computed: {}", e.toString());
        }
    }

    /** Recomputes once (the slot once per station place) and sends each page what changed for it. */
    private void push(boolean heartbeat) {
        Roster.Counts across = roster.counts();
        long openGoods = goods.openCount();
        Map<GateSlots.Place, GateSlot> views = new HashMap<>();
        for (Page page : pages) {
            GateSlot view = page.place == null ? null : views.computeIfAbsent(page.place, slots::at);
            boolean slot = view != null && view.current() != null;
            Counts counts = new Counts(across.inside(), across.inTransit(), across.vehicles(),
                    across.transitTooLong(), across.overstays(), across.alerts(), openGoods,
                    slot ? view.current().toString() : null, slot ? view.expected() : null,
                    slot ? view.arrived() : null, slot ? view.missing().size() : null);
            try {
                if (!counts.equals(page.sent)) {
                    page.emitter.send(SseEmitter.event().name("counts").reconnectTime(RECONNECT_MILLIS)
                            .data(counts, MediaType.APPLICATION_JSON));
                    page.sent = counts;
                } else if (heartbeat) {
                    page.emitter.send(SseEmitter.event().comment("still here"));
                }
            } catch (IOException | IllegalStateException gone) {
                // the browser went away (or the stream ended meanwhile): nothing to report
                remove(page);
            }
        }
    }
}
