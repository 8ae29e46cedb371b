package kr.kaesongcrossing.checkpoint;

import static kr.kaesongcrossing.account.SignedIn.signedIn;

import java.util.concurrent.atomic.AtomicLong;
import kr.kaesongcrossing.account.AccountPrincipal;
import kr.kaesongcrossing.account.Role;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** Signed-in people for MockMvc requests, as the session would hold them. */
public final class Staff {

    private static final AtomicLong IDS = new AtomicLong(900_000);

    private Staff() {
    }

    static AccountPrincipal principal(Role role) {
        long id = IDS.incrementAndGet();
        return new AccountPrincipal(id, role.name().toLowerCase() + id + "@test.kc", "테스트 " + role.name(), "", role,
                "ko", true);
    }

    public static RequestPostProcessor as(Role role) {
        return signedIn(principal(role));
    }
}
