package kr.kaesongcrossing.audit;

/**
 * Who acted: an account (id and role), a scanner device (id), a system job (its name) or someone not signed in.
 */
public record Actor(Kind kind, String id, String role) {

    public enum Kind { ACCOUNT, DEVICE, SYSTEM, ANONYMOUS }

    public static Actor account(long accountId, String role) {
        return new Actor(Kind.ACCOUNT, Long.toString(accountId), role);
    }

    public static Actor device(long deviceId) {
        return new Actor(Kind.DEVICE, Long.toString(deviceId), "DEVICE");
    }

    /** A scheduled or start-up job, named e.g. {@code bootstrap-admin}. */
    public static Actor system(String job) {
        return new Actor(Kind.SYSTEM, job, null);
    }

    public static Actor anonymous() {
        return new Actor(Kind.ANONYMOUS, null, null);
    }
}
