package kr.kaesongcrossing.application.model;

import kr.kaesongcrossing.account.AccountPrincipal;
import kr.kaesongcrossing.account.Role;

/** Who made a change, as recorded in the timeline (the name as it was at that moment). */
public record Actor(Long accountId, String name, Role role) {

    public static Actor of(AccountPrincipal principal) {
        return new Actor(principal.id(), principal.displayName(), principal.role());
    }
}
