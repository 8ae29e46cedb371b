package kr.kaesongcrossing.checkpoint;

/** The answer to one scan: ACCEPTED with no reason, or REJECTED with exactly one reason. */
record ScanDecision(Result result, ScanReason reason) {

    enum Result {
        ACCEPTED, REJECTED
    }

    static final ScanDecision ACCEPT = new ScanDecision(Result.ACCEPTED, null);

    ScanDecision {
        if ((result == Result.ACCEPTED) != (reason == null)) {
            throw new IllegalArgumentException("an acceptance has no reason, a refusal exactly one");
        }
    }

    static ScanDecision reject(ScanReason reason) {
        return new ScanDecision(Result.REJECTED, reason);
    }

    boolean accepted() {
        return result == Result.ACCEPTED;
    }
}
