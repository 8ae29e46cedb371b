package kr.kaesongcrossing.account;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.FactorGrantedAuthority;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * A signed-in person for MockMvc requests, as a real sign-in leaves them: the role, {@code FACTOR_PASSWORD}, and
 * for staff the second factor {@code FACTOR_TOTP} (given now). {@code mvc.perform(get("/review").with(signedIn(officer)))}.
 */
public final class SignedIn {

    public static final String TOTP = "FACTOR_TOTP";

    private SignedIn() {
    }

    /** Password, and for staff the second factor, both just given. */
    public static RequestPostProcessor signedIn(AccountPrincipal who) {
        return who.role().isStaff() ? withFactors(who, Instant.now()) : withPasswordOnly(who);
    }

    /** Password only: a staff member who has not given the second factor yet. */
    public static RequestPostProcessor withPasswordOnly(AccountPrincipal who) {
        return as(who, null);
    }

    /** Password and a second factor given at {@code secondFactorAt} (for the step-up rules). */
    public static RequestPostProcessor withFactors(AccountPrincipal who, Instant secondFactorAt) {
        return as(who, secondFactorAt);
    }

    private static RequestPostProcessor as(AccountPrincipal who, Instant secondFactorAt) {
        List<GrantedAuthority> authorities = new ArrayList<>(who.getAuthorities());
        authorities.add(FactorGrantedAuthority.withAuthority(FactorGrantedAuthority.PASSWORD_AUTHORITY)
                .issuedAt(Instant.now()).build());
        if (secondFactorAt != null) {
            authorities.add(FactorGrantedAuthority.withAuthority(TOTP).issuedAt(secondFactorAt).build());
        }
        return authentication(UsernamePasswordAuthenticationToken.authenticated(who, null, authorities));
    }
}
