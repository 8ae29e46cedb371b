package kr.kaesongcrossing.pass;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.Payload;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The revocation list for offline verifiers, signed: revoked passes whose validity window has not ended (an expired
 * pass is refused anyway), with a sequence number that grows with every revocation. The sequence is one counter row
 * bumped in the revoking transaction, so it grows whichever instance revokes and whatever retention deletes later.
 */
@Component
class Revocations {

    /** The JWS's {@code typ}, so that a verifier cannot take a revocation list for a pass or the other way round. */
    static final JOSEObjectType TYPE = new JOSEObjectType("revocations+jwt");

    /** The list as served, with its compact JWS (payload {@code iat}, {@code seq}, {@code revoked}). */
    record SignedList(Instant issuedAt, long sequence, List<RevokedPass> revocations, String jws) {
    }

    private final PassRepository passes;
    private final SigningKeys keys;
    private final JdbcTemplate jdbc;
    private final Clock clock;

    Revocations(PassRepository passes, SigningKeys keys, JdbcTemplate jdbc, Clock clock) {
        this.passes = passes;
        this.keys = keys;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** One read-only transaction: the sequence and the list come from the same snapshot. */
    @Transactional(readOnly = true)
    SignedList current() {
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        long sequence = jdbc.queryForObject("SELECT seq FROM pass_revocation_sequence WHERE id = 1", Long.class);
        List<RevokedPass> revoked = passes.findRevokedValidAfter(now);
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("iat", now.getEpochSecond());
        payload.put("seq", sequence);
        payload.put("revoked", revoked.stream().map(RevokedPass::passId).toList());
        KeyRing ring = keys.ring();
        JWSObject jws = new JWSObject(new JWSHeader.Builder(JWSAlgorithm.EdDSA).keyID(ring.activeKid()).type(TYPE)
                .build(), new Payload(payload));
        try {
            jws.sign(ring.signer());
        } catch (JOSEException e) {
            throw new IllegalStateException("Ed25519 signing failed", e);
        }
        return new SignedList(now, sequence, revoked, jws.serialize());
    }

    /** In the revoking transaction: the list changed. */
    @EventListener
    void revoked(PassRevoked event) {
        jdbc.update("UPDATE pass_revocation_sequence SET seq = seq + 1 WHERE id = 1");
    }
}
