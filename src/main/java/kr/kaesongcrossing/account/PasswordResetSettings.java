package kr.kaesongcrossing.account;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Password reset by mail ({@code kc.password-reset.*}): a link is good for {@code linkValidity}; within
 * {@code window} at most {@code maxPerEmail} links are mailed to one address and one client address may ask
 * {@code maxPerAddress} times (counted in the database, shared by all instances).
 */
@ConfigurationProperties("kc.password-reset")
record PasswordResetSettings(
        @DefaultValue("30m") Duration linkValidity,
        @DefaultValue("3") int maxPerEmail,
        @DefaultValue("20") int maxPerAddress,
        @DefaultValue("1h") Duration window) {
}
