package kr.kaesongcrossing.account.mfa;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.Serializable;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.springframework.security.web.webauthn.api.AttestationConveyancePreference;
import org.springframework.security.web.webauthn.api.AuthenticationExtensionsClientInputs;
import org.springframework.security.web.webauthn.api.AuthenticatorAttachment;
import org.springframework.security.web.webauthn.api.AuthenticatorSelectionCriteria;
import org.springframework.security.web.webauthn.api.Bytes;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialCreationOptions;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialDescriptor;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialParameters;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialRpEntity;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialUserEntity;
import org.springframework.security.web.webauthn.api.ResidentKeyRequirement;
import org.springframework.security.web.webauthn.api.UserVerificationRequirement;
import org.springframework.security.web.webauthn.registration.PublicKeyCredentialCreationOptionsRepository;

/**
 * Keeps the passkey registration being made in the session, as Spring's HttpSession repository does, but in a
 * {@link Serializable} form: sessions live in the database (Spring Session JDBC) and
 * {@link PublicKeyCredentialCreationOptions} is not serializable. (The request options of a sign-in are, so
 * Spring's own repository keeps those.)
 */
final class SessionCreationOptions implements PublicKeyCredentialCreationOptionsRepository {

    static final String ATTRIBUTE = SessionCreationOptions.class.getName();

    private static final List<PublicKeyCredentialParameters> ALGORITHMS = List.of(PublicKeyCredentialParameters.EdDSA,
            PublicKeyCredentialParameters.ES256, PublicKeyCredentialParameters.ES384,
            PublicKeyCredentialParameters.ES512, PublicKeyCredentialParameters.RS256,
            PublicKeyCredentialParameters.RS384, PublicKeyCredentialParameters.RS512);
    private static final List<UserVerificationRequirement> VERIFICATION = List.of(
            UserVerificationRequirement.REQUIRED, UserVerificationRequirement.PREFERRED,
            UserVerificationRequirement.DISCOURAGED);

    /** The creation options field by field, each as a serializable value or its WebAuthn name. */
    record Pending(String rpId, String rpName, PublicKeyCredentialUserEntity user, Bytes challenge,
            List<Long> algorithms, Duration timeout, List<PublicKeyCredentialDescriptor> exclude, String attachment,
            String residentKey, String userVerification, String attestation,
            AuthenticationExtensionsClientInputs extensions) implements Serializable {

        static Pending of(PublicKeyCredentialCreationOptions options) {
            AuthenticatorSelectionCriteria selection = options.getAuthenticatorSelection();
            return new Pending(options.getRp().getId(), options.getRp().getName(), options.getUser(),
                    options.getChallenge(), options.getPubKeyCredParams().stream()
                            .map(p -> p.getAlg().getValue()).toList(), options.getTimeout(),
                    List.copyOf(options.getExcludeCredentials()),
                    selection.getAuthenticatorAttachment() == null ? null
                            : selection.getAuthenticatorAttachment().getValue(),
                    selection.getResidentKey() == null ? null : selection.getResidentKey().getValue(),
                    selection.getUserVerification() == null ? null : selection.getUserVerification().getValue(),
                    options.getAttestation() == null ? null : options.getAttestation().getValue(),
                    options.getExtensions());
        }

        PublicKeyCredentialCreationOptions options() {
            AuthenticatorSelectionCriteria.AuthenticatorSelectionCriteriaBuilder selection =
                    AuthenticatorSelectionCriteria.builder();
            if (attachment != null) {
                selection.authenticatorAttachment(AuthenticatorAttachment.valueOf(attachment));
            }
            if (residentKey != null) {
                selection.residentKey(ResidentKeyRequirement.valueOf(residentKey));
            }
            if (userVerification != null) {
                selection.userVerification(VERIFICATION.stream()
                        .filter(v -> v.getValue().equals(userVerification)).findFirst().orElseThrow());
            }
            PublicKeyCredentialCreationOptions.PublicKeyCredentialCreationOptionsBuilder options =
                    PublicKeyCredentialCreationOptions.builder()
                            .rp(PublicKeyCredentialRpEntity.builder().id(rpId).name(rpName).build())
                            .user(user).challenge(challenge)
                            .pubKeyCredParams(algorithms.stream().flatMap(alg -> ALGORITHMS.stream()
                                    .filter(p -> p.getAlg().getValue() == alg)).toList())
                            .excludeCredentials(exclude).authenticatorSelection(selection.build());
            Stream.ofNullable(timeout).forEach(options::timeout);
            Stream.ofNullable(attestation).map(AttestationConveyancePreference::valueOf)
                    .forEach(options::attestation);
            Stream.ofNullable(extensions).forEach(options::extensions);
            return options.build();
        }
    }

    @Override
    public void save(HttpServletRequest request, HttpServletResponse response,
            PublicKeyCredentialCreationOptions options) {
        if (options == null) {
            HttpSession session = request.getSession(false);
            if (session != null) {
                session.removeAttribute(ATTRIBUTE);
            }
            return;
        }
        request.getSession().setAttribute(ATTRIBUTE, Pending.of(options));
    }

    @Override
    public PublicKeyCredentialCreationOptions load(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        return session != null && session.getAttribute(ATTRIBUTE) instanceof Pending pending ? pending.options() : null;
    }
}
