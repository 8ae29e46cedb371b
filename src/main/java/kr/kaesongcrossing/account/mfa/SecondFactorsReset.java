package kr.kaesongcrossing.account.mfa;

/**
 * An administrator removed every second factor of an account (published inside that transaction): factors of
 * other kinds (passkeys) remove theirs too. The person enrols again at the next sign-in.
 */
public record SecondFactorsReset(long accountId) {
}
