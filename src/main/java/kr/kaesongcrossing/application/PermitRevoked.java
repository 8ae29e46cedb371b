package kr.kaesongcrossing.application;

/** Published inside the transaction that revokes a standing permit: its pass is revoked with it. */
public record PermitRevoked(long permitId, String reason) {
}
