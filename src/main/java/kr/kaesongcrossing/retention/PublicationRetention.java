package kr.kaesongcrossing.retention;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.springframework.modulith.events.EventPublication;
import org.springframework.modulith.events.core.EventPublicationRepository;
import org.springframework.stereotype.Component;

/**
 * Event publications that never completed (a listener kept failing): their serialized events can carry names, so
 * those older than the mail period go. Through Spring Modulith's own registry, which knows its table and deletes in
 * batches; its public API deletes only completed ones. Such publications are few (each is a failure someone was
 * told about), so reading them whole is fine. The registry skips (and logs) a publication whose event type no longer
 * exists, so one of a class since renamed stays until deleted by hand.
 */
@Component
class PublicationRetention {

    private final EventPublicationRepository publications;

    PublicationRetention(EventPublicationRepository publications) {
        this.publications = publications;
    }

    long countIncompleteBefore(Instant before) {
        return ids(before).size();
    }

    long deleteIncompleteBefore(Instant before) {
        List<UUID> ids = ids(before);
        if (!ids.isEmpty()) {
            publications.deletePublications(ids);
        }
        return ids.size();
    }

    private List<UUID> ids(Instant before) {
        return publications.findIncompletePublicationsPublishedBefore(before).stream().filter(Objects::nonNull)
                .map(EventPublication::getIdentifier).toList();
    }
}
