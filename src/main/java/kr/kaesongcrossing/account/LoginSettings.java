package kr.kaesongcrossing.account;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Login throttling ({@code kc.login.*}). Per account: after {@code maxFailuresPerAccount} wrong passwords in a
 * row the account is locked for {@code accountLock} (stored in the database, so it holds across instances).
 * Per client address: after {@code maxFailuresPerAddress} failures within {@code addressWindow} that address
 * may not try for {@code addressLock} (in the database too, shared by all instances).
 */
@ConfigurationProperties("kc.login")
record LoginSettings(
        @DefaultValue("5") int maxFailuresPerAccount,
        @DefaultValue("15m") Duration accountLock,
        @DefaultValue("20") int maxFailuresPerAddress,
        @DefaultValue("15m") Duration addressWindow,
        @DefaultValue("15m") Duration addressLock) {
}
