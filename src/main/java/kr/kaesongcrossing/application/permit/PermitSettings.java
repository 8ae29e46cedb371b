package kr.kaesongcrossing.application.permit;

import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code kc.permits.*}: standing permits.
 *
 * @param maxMonths    the longest permit an officer may grant
 * @param reminderDays how many days before its last day the holder is reminded
 * @param reminderCron when the reminder job runs (KST); {@code -} turns it off
 */
@Validated
@ConfigurationProperties("kc.permits")
public record PermitSettings(@DefaultValue("6") @Min(1) int maxMonths, @DefaultValue("14") @Min(1) int reminderDays,
        @DefaultValue("0 0 8 * * *") String reminderCron) {
}
