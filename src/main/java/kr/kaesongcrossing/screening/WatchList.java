package kr.kaesongcrossing.screening;

import java.time.Clock;
import java.util.List;
import kr.kaesongcrossing.audit.AuditTrail;
import kr.kaesongcrossing.audit.Subject;
import kr.kaesongcrossing.system.IdentityHash;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The watch list: its entries, added and removed by ADMIN, each change audited in the same transaction. Adding an
 * entry screens every undecided application again; removing one drops its open matches.
 */
@Service
public class WatchList {

    private final WatchListEntryRepository entries;
    private final IdentityHash identityHash;
    private final AuditTrail audit;
    private final Clock clock;
    private final Screening screening;

    WatchList(WatchListEntryRepository entries, IdentityHash identityHash, AuditTrail audit, Clock clock,
            Screening screening) {
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

    @Transactional
    WatchListEntry add(WatchListForm form) {
        WatchListEntry entry = entries.save(new WatchListEntry(trimmed(form.nameKorean()), latin(form.nameLatin()),
                form.dateOfBirth(), identityHash.of(form.idNumber()), form.reason().strip(), form.source().strip(),
                form.listedSince(), clock.instant()));
        // no name or number in the audit detail: the trail is read by more people than the list
        audit.record("watchlist.added", Subject.of("watchlist", entry.getId()),
                "idNumber=" + entry.hasIdNumber() + " birth=" + (entry.getDateOfBirth() != null));
        screening.screenUndecided();
        return entry;
    }

    /** Removes an entry; false when it was already gone. */
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
