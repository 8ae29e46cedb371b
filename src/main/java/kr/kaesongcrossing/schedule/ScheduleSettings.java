package kr.kaesongcrossing.schedule;

import jakarta.validation.constraints.Min;
import java.time.Duration;
import java.time.LocalTime;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code kc.schedule.*}: the crossing schedule's rules.
 *
 * @param cutoffDays   a slot's list closes this many days before the slot's date ...
 * @param cutoffTime   ... at this time, KST (the North is notified of each list days ahead)
 * @param gateChecks   whether the gates judge scans by the traveller's slot (its window, the counterpart's consent
 *                     for it); false judges them as before slots existed
 * @param gateWindowBefore how long before its time (at the first gate) a slot's travellers may cross ...
 * @param gateWindowAfter  ... and how long after it
 */
@Validated
@ConfigurationProperties("kc.schedule")
public record ScheduleSettings(
        @DefaultValue("3") @Min(0) int cutoffDays,
        @DefaultValue("17:00") LocalTime cutoffTime,
        @DefaultValue("true") boolean gateChecks,
        @DefaultValue("PT30M") Duration gateWindowBefore,
        @DefaultValue("PT90M") Duration gateWindowAfter) {
}
