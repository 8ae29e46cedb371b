package kr.kaesongcrossing.pass;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** What the checkpoint asks of passes. */
@Service
public class PassVerifier {

    private final SigningKeys keys;
    private final PassRepository passes;
    private final PassPhotoRepository photos;

    PassVerifier(SigningKeys keys, PassRepository passes, PassPhotoRepository photos) {
        this.keys = keys;
        this.passes = passes;
        this.photos = photos;
    }

    /**
     * Checks that {@code compactJws} (surrounding white space ignored) is a well-formed pass token signed by one of
     * this office's keys, active or retired. No database access for known keys; validity window and revocation
     * are not checked here.
     */
    public TokenReading read(String compactJws) {
        return PassTokens.read(compactJws, keys::verifier);
    }

    /**
     * {@code SELECT ... FOR UPDATE} of the pass: call it as the first statement of the scan's transaction so that
     * concurrent scans of one pass queue up behind each other.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public Optional<PassForScan> lockForScan(String passId) {
        if (!PassTokens.looksLikePassId(passId)) {
            return Optional.empty();
        }
        return passes.lockByPassId(passId).map(Pass::forScan);
    }

    /** {@link #lockForScan} of several passes in one statement (a station's upload); unknown ones are absent. */
    @Transactional(propagation = Propagation.MANDATORY)
    public Map<String, PassForScan> lockForScan(Collection<String> passIds) {
        List<String> ids = passIds.stream().filter(PassTokens::looksLikePassId).toList();
        return ids.isEmpty() ? Map.of() : passes.lockByPassIdIn(ids).stream()
                .collect(Collectors.toMap(Pass::getPassId, Pass::forScan));
    }

    /** The trip's current pass (demo mode seeds crossings of the demo trips with it). */
    @Transactional(readOnly = true)
    public Optional<PassForScan> currentFor(long applicationId) {
        return passes.findByCurrentForApplication(applicationId).map(Pass::forScan);
    }

    /** The holder's JPEG photo, if the application had one. */
    @Transactional(readOnly = true)
    public Optional<byte[]> holderPhoto(String passId) {
        if (!PassTokens.looksLikePassId(passId)) {
            return Optional.empty();
        }
        return photos.findJpegByPassId(passId);
    }
}
