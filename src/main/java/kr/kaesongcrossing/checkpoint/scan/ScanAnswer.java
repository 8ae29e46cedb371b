package kr.kaesongcrossing.checkpoint.scan;

import java.time.Instant;
import kr.kaesongcrossing.checkpoint.log.CrossingLogEntry;
import kr.kaesongcrossing.system.OfficeTime;

/**
 * The stored answer to a scan, as built from its crossing log row: the same scan id always gives the same answer.
 *
 * @param messageKey  the message explaining the decision to the officer
 * @param adviceKey   what to do next after a refusal, or null
 * @param overridable a refusal of a known pass that a supervisor may still let through
 * @param alertKey    for a holder let out although something is wrong: what to report, or null
 */
record ScanAnswer(String scanId, ScanDecision decision, String passId, String holderNameKorean,
        String holderNameLatin, Instant validUntil, Gate gate, Direction direction, String lane, Instant scannedAt,
        boolean override, String overrideReason, String supervisorName, boolean overridable, String messageKey,
        String adviceKey, String alertKey) {

    static ScanAnswer of(CrossingLogEntry entry) {
        ScanDecision decision = entry.decision();
        boolean keyboard = CrossingLogEntry.DETAIL_KEYBOARD.equals(entry.getDetail());
        String messageKey;
        String adviceKey = null;
        if (decision.accepted() && entry.isOverride()) {
            messageKey = "checkpoint.overridden." + entry.getDirection();
        } else if (decision.accepted() && decision.alert() != null) {
            messageKey = decision.alert() == ScanReason.ROUTE_CLOSED ? "checkpoint.alerted.ROUTE_CLOSED"
                    : "checkpoint.alerted";
        } else if (decision.accepted()) {
            messageKey = "checkpoint.accepted." + entry.getDirection();
        } else if (keyboard) {
            messageKey = "checkpoint.reason.UNREADABLE";
            adviceKey = "checkpoint.advice.UNREADABLE";
        } else {
            messageKey = "checkpoint.reason." + decision.reason();
            adviceKey = "checkpoint.advice." + decision.reason();
        }
        return new ScanAnswer(entry.getScanId(), decision, entry.getPassId(), entry.getHolderNameKorean(),
                entry.getHolderNameLatin(), entry.getValidUntil(), entry.getGate(), entry.getDirection(),
                entry.getLane(), entry.getScannedAt(), entry.isOverride(), entry.getOverrideReason(), entry.getSupervisorName(),
                entry.overridable(), messageKey, adviceKey,
                decision.alert() == null ? null : "checkpoint.alert." + decision.alert());
    }

    /** Accepted, but the holder was let out although something is wrong: the amber "let out, then report". */
    public boolean alerted() {
        return decision.alert() != null;
    }

    public ScanReason alert() {
        return decision.alert();
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
        return OfficeTime.lastValidMinute(validUntil);
    }

    public String scannedAtText() {
        return OfficeTime.seconds(scannedAt);
    }
}
