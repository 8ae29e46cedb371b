package kr.kaesongcrossing.pass;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static kr.kaesongcrossing.account.SignedIn.signedIn;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;

import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.crypto.Ed25519Verifier;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.OctetKeyPair;
import kr.kaesongcrossing.account.AccountPrincipal;
import kr.kaesongcrossing.account.Role;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class SigningKeyRotationTests extends PassTestSupport {

    @Autowired
    PassVerifier verifier;

    @Autowired
    SigningKeys keys;

    @Test
    void shouldSignNewPassesWithTheNewKeyAndKeepOldPassesVerifying() throws Exception {
        AccountPrincipal holder = fixtures.account(Role.CIVILIAN);
        AccountPrincipal admin = fixtures.account(Role.ADMIN);
        String oldToken = fixtures.token(fixtures.approve(fixtures.trip(holder)));
        String oldKid = JWSObject.parse(oldToken).getHeader().getKeyID();

        mvc.perform(post("/admin/keys/rotate").with(signedIn(admin)).with(csrf())).andExpect(redirectedUrl("/admin/keys"));
        String newToken = fixtures.token(fixtures.approve(fixtures.trip(holder)));
        String newKid = JWSObject.parse(newToken).getHeader().getKeyID();

        assertThat(newKid).isNotEqualTo(oldKid).isEqualTo(keys.ring().activeKid());
        assertThat(verifier.read(oldToken).valid()).isTrue();
        assertThat(verifier.read(newToken).valid()).isTrue();
        JWKSet published = JWKSet.parse(mvc.perform(get("/.well-known/jwks.json")).andReturn().getResponse()
                .getContentAsString());
        assertThat(JWSObject.parse(oldToken).verify(new Ed25519Verifier((OctetKeyPair) published.getKeyByKeyId(oldKid))))
                .isTrue();
        assertThat(JWSObject.parse(newToken).verify(new Ed25519Verifier((OctetKeyPair) published.getKeyByKeyId(newKid))))
                .isTrue();
        mvc.perform(get("/admin/keys").with(signedIn(admin)))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
                        .string(org.hamcrest.Matchers.containsString(newKid)));
    }

    @Test
    void shouldStopPublishingARetiredKeyThatSignedNoValidPass() throws Exception {
        String unused = keys.rotate(null);
        String next = keys.rotate(null);

        JWKSet published = JWKSet.parse(mvc.perform(get("/.well-known/jwks.json")).andReturn().getResponse()
                .getContentAsString());
        assertThat(published.getKeyByKeyId(next)).isNotNull();
        assertThat(published.getKeyByKeyId(unused)).isNull();
        assertThat(keys.ring().knows(unused)).isTrue();
    }
}
