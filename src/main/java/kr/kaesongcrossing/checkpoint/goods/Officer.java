package kr.kaesongcrossing.checkpoint.goods;

import kr.kaesongcrossing.account.AccountPrincipal;

/** The signed-in officer who records or closes, by account and the name kept with the record. */
public record Officer(long id, String name) {

    static Officer of(AccountPrincipal principal) {
        return new Officer(principal.id(), principal.displayName());
    }
}
