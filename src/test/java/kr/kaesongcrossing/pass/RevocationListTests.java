package kr.kaesongcrossing.pass;

import static kr.kaesongcrossing.account.SignedIn.signedIn;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.crypto.Ed25519Verifier;
import com.nimbusds.jose.jwk.JWKSet;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import kr.kaesongcrossing.account.AccountPrincipal;
import kr.kaesongcrossing.account.Role;
import org.junit.jupiter.api.Test;

/** The signed revocation list an offline station keeps: verifiable with the published keys, its sequence growing. */
class RevocationListTests extends PassTestSupport {

    record Verified(long sequence, Instant issuedAt, List<String> revoked, List<String> listed) {
    }

    @Test
    void shouldSignTheListWithAPublishedKeyAndGrowTheSequenceWithEachRevocation() throws Exception {
        AccountPrincipal officer = fixtures.account(Role.OFFICER);
        String first = fixtures.approve(fixtures.trip(fixtures.account(Role.CIVILIAN)));
        String second = fixtures.approve(fixtures.trip(fixtures.account(Role.CIVILIAN)));
        revoke(first, officer);

        Verified before = fetchAndVerify();
        assertThat(before.revoked()).contains(first).doesNotContain(second);
        assertThat(before.revoked()).as("the JWS says what the JSON says").isEqualTo(before.listed());

        Verified unchanged = fetchAndVerify();
        assertThat(unchanged.sequence()).as("no revocation, same sequence").isEqualTo(before.sequence());

        revoke(second, officer);
        Verified after = fetchAndVerify();
        assertThat(after.sequence()).isGreaterThan(before.sequence());
        assertThat(after.revoked()).contains(first, second);
    }

    private void revoke(String passId, AccountPrincipal officer) throws Exception {
        mvc.perform(post("/passes/{id}/revoke", passId).with(signedIn(officer)).with(csrf()).param("reason", "test"))
                .andExpect(status().is3xxRedirection());
    }

    /** Reads the list as a lane officer and checks its JWS with the JWK Set anyone can fetch. */
    private Verified fetchAndVerify() throws Exception {
        String json = mvc.perform(get("/api/v1/revocations").with(signedIn(fixtures.account(Role.CHECKPOINT))))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        String jwks = mvc.perform(get("/.well-known/jwks.json")).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);

        JWSObject jws = JWSObject.parse(JsonPath.read(json, "$.jws"));
        assertThat(jws.getHeader().getAlgorithm()).isEqualTo(JWSAlgorithm.EdDSA);
        assertThat(jws.getHeader().getType().getType()).isEqualTo("revocations+jwt");
        var key = JWKSet.parse(jwks).getKeyByKeyId(jws.getHeader().getKeyID());
        assertThat(key).as("the signing key is published").isNotNull();
        assertThat(jws.verify(new Ed25519Verifier(key.toOctetKeyPair()))).isTrue();

        Map<String, Object> payload = jws.getPayload().toJSONObject();
        long sequence = ((Number) JsonPath.read(json, "$.sequence")).longValue();
        Instant issuedAt = Instant.parse(JsonPath.read(json, "$.issuedAt"));
        assertThat(((Number) payload.get("seq")).longValue()).isEqualTo(sequence);
        assertThat(((Number) payload.get("iat")).longValue()).isEqualTo(issuedAt.getEpochSecond());
        @SuppressWarnings("unchecked")
        List<String> revoked = (List<String>) payload.get("revoked");
        List<String> listed = JsonPath.read(json, "$.revocations[*].passId");
        return new Verified(sequence, issuedAt, revoked, listed);
    }
}
