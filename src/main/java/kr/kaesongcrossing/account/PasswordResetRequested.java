package kr.kaesongcrossing.account;

import java.time.Instant;

/**
 * Someone asked to reset the password of an existing, enabled account: the notification module mails the link
 * ({@code /password/reset?token=...}) to the account's address, in its language. The token is a secret good for
 * one reset until {@code expiresAt}; it is kept only in this event's publication until the mail went out (the
 * database keeps its hash), and never logged: {@link #toString()} leaves it out.
 */
public record PasswordResetRequested(long accountId, long linkId, String token, Instant expiresAt) {

    /** The path of the reset page for this link, to be put after the site's base URL. */
    public String path() {
        return "/password/reset?token=" + token;
    }

    @Override
    public String toString() {
        return "PasswordResetRequested[accountId=" + accountId + ", linkId=" + linkId + "]";
    }
}
