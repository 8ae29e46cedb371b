package kr.kaesongcrossing.application.permit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * At start-up, fills the identity hash of live permits granted before it was stored
 * ({@link Permits#fillIdentityHashes}); permits are few (one per routine traveller), so one pass. Instances starting
 * together write the same hashes.
 */
@Component
class PermitIdentityHashes implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(PermitIdentityHashes.class);

    private final Permits permits;

    PermitIdentityHashes(Permits permits) {
        this.permits = permits;
    }

    @Override
    public void run(ApplicationArguments args) {
        int filled = permits.fillIdentityHashes();
        if (filled > 0) {
            log.info("Identity hashes filled for {} standing permits", filled);
        }
    }
}
