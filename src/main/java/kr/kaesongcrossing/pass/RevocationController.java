package kr.kaesongcrossing.pass;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The revocation list for offline verifiers: revoked passes whose validity window has not ended (an expired pass
 * is refused anyway). Devices (bearer token) and staff sessions may read it.
 */
@RestController
class RevocationController {

    record RevocationList(Instant generatedAt, List<RevokedPass> revocations) {
    }

    private final PassRepository passes;
    private final Clock clock;

    RevocationController(PassRepository passes, Clock clock) {
        this.passes = passes;
        this.clock = clock;
    }

    @GetMapping("/api/v1/revocations")
    @PreAuthorize("hasAnyRole('DEVICE', 'CHECKPOINT', 'SUPERVISOR', 'OFFICER', 'ADMIN')")
    RevocationList revocations() {
        Instant now = clock.instant();
        return new RevocationList(now, passes.findRevokedValidAfter(now));
    }
}
