package kr.kaesongcrossing.checkpoint;

import java.time.Instant;

/**
 * The stored answer to a scan, as built from its crossing log row: the same scan id always gives the same answer.
 *
 * @param messageKey  the message explaining the decision to the officer
 * @param adviceKey   what to do next after a refusal, or null
 * @param overridable a refusal of a known pass that a supervisor may still let through
 */
record ScanAnswer(String scanId, ScanDecision decision, String passId, String holderNameKorean,
        String holderNameLatin, Instant validUntil, Direction direction, String lane, Instant scannedAt,
        boolean override, String overrideReason, boolean overridable, String messageKey, String adviceKey) {

    static ScanAnswer of(CrossingLogEntry entry) {
        ScanDecision decision = entry.decision();
        boolean keyboard = CrossingLogEntry.DETAIL_KEYBOARD.equals(entry.getDetail());
        String messageKey;
        String adviceKey = null;
        if (decision.accepted()) {
            messageKey = "checkpoint.accepted." + entry.getDirection();
        } else if (keyboard) {
            messageKey = "checkpoint.reason.UNREADABLE";
            adviceKey = "checkpoint.advice.UNREADABLE";
        } else {
            messageKey = "checkpoint.reason." + decision.reason();
            adviceKey = "checkpoint.advice." + decision.reason();
        }
        return new ScanAnswer(entry.getScanId(), decision, entry.getPassId(), entry.getHolderNameKorean(),
                entry.getHolderNameLatin(), entry.getValidUntil(), entry.getDirection(), entry.getLane(),
                entry.getScannedAt(), entry.isOverride(), entry.getOverrideReason(), entry.overridable(), messageKey,
                adviceKey);
    }

    public boolean accepted() {
        return decision.accepted();
    }

    public ScanReason reason() {
        return decision.reason();
    }

    public boolean holderKnown() {
        return holderNameKorean != null || holderNameLatin != null;
    }

    public String validUntilText() {
        return Kst.lastValidMinute(validUntil);
    }

    public String scannedAtText() {
        return Kst.seconds(scannedAt);
    }
}
