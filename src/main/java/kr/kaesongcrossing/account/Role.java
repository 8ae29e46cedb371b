package kr.kaesongcrossing.account;

/**
 * What a person may do in the system; each role has its own home page and menu. A SUPERVISOR (checkpoint
 * supervisor) does everything CHECKPOINT does and may also override refused scans.
 */
public enum Role {
    CIVILIAN, OFFICER, CHECKPOINT, SUPERVISOR, ADMIN;

    public String authority() {
        return "ROLE_" + name();
    }

    /** Staff sign in with a second factor after the password. */
    public boolean isStaff() {
        return this != CIVILIAN;
    }
}
