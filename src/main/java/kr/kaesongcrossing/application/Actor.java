package kr.kaesongcrossing.application;

import kr.kaesongcrossing.account.AccountPrincipal;
import kr.kaesongcrossing.account.Role;

/** Who made a change, as recorded in the timeline (the name as it was at that moment). */
record Actor(Long accountId, String name, Role role) {

    static Actor of(AccountPrincipal principal) {
        return new Actor(principal.id(), principal.displayName(), principal.role());
    }
}
