package kr.kaesongcrossing.account;

/** What a person may do in the system; each role has its own home page and menu. */
public enum Role {
    CIVILIAN, OFFICER, CHECKPOINT, ADMIN;

    public String authority() {
        return "ROLE_" + name();
    }
}
