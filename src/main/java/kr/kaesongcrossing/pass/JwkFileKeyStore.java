package kr.kaesongcrossing.pass;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.OctetKeyPair;
import com.nimbusds.jose.jwk.gen.OctetKeyPairGenerator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.text.ParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * Demo and test key store: a JWK Set file with the private keys, readable by the owner only, kept beside the
 * embedded database ({@code kc.data-dir}). Keys are created on first start and on rotation.
 */
final class JwkFileKeyStore implements PrivateKeyStore {

    private final Path file;
    private volatile List<OctetKeyPair> keys = List.of();

    JwkFileKeyStore(Path file) {
        this.file = file.toAbsolutePath().normalize();
        reload();
    }

    @Override
    public Optional<OctetKeyPair> find(String kid) {
        return keys.stream().filter(k -> k.getKeyID().equals(kid)).findFirst();
    }

    @Override
    public List<String> kids() {
        List<String> kids = new ArrayList<>(keys.stream().map(JWK::getKeyID).toList());
        Collections.reverse(kids);
        return List.copyOf(kids);
    }

    @Override
    public boolean generates() {
        return true;
    }

    @Override
    public synchronized OctetKeyPair generate(String kid) {
        try {
            OctetKeyPair key = new OctetKeyPairGenerator(Curve.Ed25519).keyID(kid).keyUse(KeyUse.SIGNATURE)
                    .algorithm(JWSAlgorithm.EdDSA).generate();
            List<OctetKeyPair> all = new ArrayList<>(read());
            all.add(key);
            write(all);
            keys = List.copyOf(all);
            return key;
        } catch (JOSEException e) {
            throw new IllegalStateException("Could not generate an Ed25519 key", e);
        }
    }

    @Override
    public Optional<String> configuredActiveKid() {
        return Optional.empty();
    }

    @Override
    public synchronized void reload() {
        keys = read();
    }

    private List<OctetKeyPair> read() {
        if (!Files.exists(file)) {
            return List.of();
        }
        try {
            JWKSet set = JWKSet.parse(Files.readString(file, StandardCharsets.UTF_8));
            List<OctetKeyPair> found = new ArrayList<>();
            for (JWK jwk : set.getKeys()) {
                if (jwk instanceof OctetKeyPair okp && okp.isPrivate() && Curve.Ed25519.equals(okp.getCurve())) {
                    found.add(okp);
                }
            }
            return List.copyOf(found);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the signing key file " + file, e);
        } catch (ParseException e) {
            throw new IllegalStateException("The signing key file " + file + " is not a JWK Set", e);
        }
    }

    private void write(List<OctetKeyPair> all) {
        try {
            Files.createDirectories(file.getParent());
            Path temp = file.resolveSibling(file.getFileName() + ".tmp");
            Files.deleteIfExists(temp);
            boolean posix = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
            if (posix) {
                Files.createFile(temp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            } else {
                Files.createFile(temp);
            }
            String json = new JWKSet(List.<JWK>copyOf(all)).toString(false);
            Files.writeString(temp, json, StandardCharsets.UTF_8);
            try {
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the signing key file " + file, e);
        }
    }

    Path file() {
        return file;
    }
}
