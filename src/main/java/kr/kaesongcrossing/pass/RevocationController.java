package kr.kaesongcrossing.pass;

import java.time.Instant;
import java.util.List;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The revocation list for offline verifiers ({@link Revocations}): the entries as JSON and the same list as a JWS
 * signed with the current pass signing key (verifiable with /.well-known/jwks.json). Devices (bearer token) and staff
 * sessions may read it.
 */
@RestController
class RevocationController {

    /**
     * @param sequence grows whenever a pass is revoked: a verifier keeps the list with the highest
     * @param jws      compact JWS, header {@code alg} EdDSA, {@code kid}, {@code typ} revocations+jwt; payload
     *                 {@code {"iat": epoch seconds, "seq": sequence, "revoked": [pass ids]}}
     */
    record RevocationList(Instant generatedAt, List<RevokedPass> revocations, long sequence, Instant issuedAt,
            String jws) {
    }

    private final Revocations revocations;

    RevocationController(Revocations revocations) {
        this.revocations = revocations;
    }

    @GetMapping("/api/v1/revocations")
    @PreAuthorize("hasAnyRole('DEVICE', 'CHECKPOINT', 'SUPERVISOR', 'OFFICER', 'ADMIN')")
    ResponseEntity<RevocationList> revocations() {
        Revocations.SignedList list = revocations.current();
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(new RevocationList(list.issuedAt(),
                list.revocations(), list.sequence(), list.issuedAt(), list.jws()));
    }
}
