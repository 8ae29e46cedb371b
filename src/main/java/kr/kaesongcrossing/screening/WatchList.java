package kr.kaesongcrossing.screening;

import java.io.Serializable;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import kr.kaesongcrossing.audit.AuditTrail;
import kr.kaesongcrossing.audit.Subject;
import kr.kaesongcrossing.system.IdentityHash;
import kr.kaesongcrossing.system.RetryOnWriteConflict;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The watch list: its entries, added and removed by ADMIN, each change audited in the same transaction. Adding an
 * entry screens again every undecided application and every trip with a pass not yet over, once the entry is
 * committed (a 100,000-application run is no one transaction); removing one drops its open matches.
 */
@Service
public class WatchList {

    private final WatchListEntryRepository entries;
    private final IdentityHash identityHash;
    private final AuditTrail audit;
    private final Clock clock;
    private final Screening screening;
    private final TransactionTemplate transactions;

    WatchList(WatchListEntryRepository entries, IdentityHash identityHash, AuditTrail audit, Clock clock,
            Screening screening, TransactionTemplate transactions) {
        this.transactions = transactions;
        this.entries = entries;
        this.screening = screening;
        this.identityHash = identityHash;
        this.audit = audit;
        this.clock = clock;
    }

    /** Every entry, newest first. */
    @Transactional(readOnly = true)
    public List<WatchListEntry> entries() {
        return entries.findAllByOrderByIdDesc();
    }

    /**
     * An entry ready to be saved: names tidied, the ID number already replaced by its hash (so an import's preview
     * can wait in the session without the numbers).
     */
    record Prepared(String nameKorean, String nameLatin, LocalDate dateOfBirth, String idNumberHash, String reason,
            String source, LocalDate listedSince) implements Serializable {
    }

    Prepared prepare(WatchListForm form) {
        return new Prepared(trimmed(form.nameKorean()), latin(form.nameLatin()), form.dateOfBirth(),
                identityHash.of(form.idNumber()), form.reason().strip(), form.source().strip(), form.listedSince());
    }

    /** Adds an entry, then screens again once it is committed (in transactions of its own, chunk by chunk). */
    WatchListEntry add(WatchListForm form) {
        WatchListEntry entry = transactions.execute(status -> save(prepare(form)));
        screening.screenAgain();
        return entry;
    }

    /** Adds the rows of an import in one transaction, then screens once; returns how many were added. */
    int addAll(List<Prepared> rows) {
        transactions.executeWithoutResult(status -> rows.forEach(this::save));
        screening.screenAgain();
        return rows.size();
    }

    private WatchListEntry save(Prepared p) {
        WatchListEntry entry = entries.save(new WatchListEntry(p.nameKorean(), p.nameLatin(), p.dateOfBirth(),
                p.idNumberHash(), p.reason(), p.source(), p.listedSince(), clock.instant()));
        // no name or number in the audit detail: the trail is read by more people than the list
        audit.record("watchlist.added", Subject.of("watchlist", entry.getId()),
                "idNumber=" + entry.hasIdNumber() + " birth=" + (entry.getDateOfBirth() != null));
        return entry;
    }

    /** Removes an entry; false when it was already gone. */
    @RetryOnWriteConflict
    @Transactional
    boolean remove(long id) {
        return entries.findById(id).map(entry -> {
            screening.entryRemoved(id);
            entries.delete(entry);
            audit.record("watchlist.removed", Subject.of("watchlist", id), null);
            return true;
        }).orElse(false);
    }

    private static String trimmed(String value) {
        return WatchListForm.blank(value) ? null : value.strip().replaceAll("\\s+", " ");
    }

    private static String latin(String value) {
        String name = trimmed(value);
        return name == null ? null : name.toUpperCase(java.util.Locale.ROOT);
    }
}
