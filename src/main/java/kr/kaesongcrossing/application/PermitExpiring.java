package kr.kaesongcrossing.application;

import java.time.LocalDate;

/** A standing permit ends soon (once per permit): its holder is reminded by mail. */
public record PermitExpiring(long permitId, String reference, long holderAccountId, LocalDate validUntil) {
}
