package kr.kaesongcrossing.application.model;

import jakarta.persistence.PrePersist;
import jakarta.persistence.PreUpdate;
import kr.kaesongcrossing.system.IdentityHash;
import org.springframework.stereotype.Component;

/**
 * Sets an application's ID number hash before each insert and update, whoever writes it (the applicant's form, a
 * coordinator's group, demo data). An entity listener built with the persistence unit: it needs nothing of JPA.
 */
@Component
class IdNumberHashing {

    private final IdentityHash hash;

    IdNumberHashing(IdentityHash hash) {
        this.hash = hash;
    }

    @PrePersist
    @PreUpdate
    void beforeWrite(TravelApplication application) {
        application.hashIdNumber(hash::of);
    }
}
