package kr.kaesongcrossing.checkpoint.scan;

/**
 * The answer to one scan: ACCEPTED with no reason, or REJECTED with exactly one reason. An acceptance may carry
 * an alert: the holder was let out although something is wrong (the officer reports it).
 */
public record ScanDecision(Result result, ScanReason reason, ScanReason alert) {

    public enum Result {
        ACCEPTED, REJECTED
    }

    public static final ScanDecision ACCEPT = new ScanDecision(Result.ACCEPTED, null, null);

    public ScanDecision {
        if ((result == Result.ACCEPTED) != (reason == null)) {
            throw new IllegalArgumentException("an acceptance has no reason, a refusal exactly one");
        }
        if (result == Result.REJECTED && alert != null) {
            throw new IllegalArgumentException("only an acceptance carries an alert");
        }
    }

    public static ScanDecision reject(ScanReason reason) {
        return new ScanDecision(Result.REJECTED, reason, null);
    }

    /** Accepted; {@code alert} (or null) says what is wrong with a holder who is let out all the same. */
    static ScanDecision acceptWithAlert(ScanReason alert) {
        return new ScanDecision(Result.ACCEPTED, null, alert);
    }

    public boolean accepted() {
        return result == Result.ACCEPTED;
    }
}
