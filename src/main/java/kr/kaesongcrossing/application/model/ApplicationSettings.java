package kr.kaesongcrossing.application.model;

import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * {@code kc.applications.*}: the office's rules for applications.
 *
 * @param minDaysAhead the planned entry date must be at least this many days after today (Asia/Seoul)
 * @param maxStayDays the longest stay, counting the entry and the return day
 * @param consentRequired whether the counterpart's consent is needed after the office's approval
 * @param maxPhotoSize largest photo file accepted
 */
@Validated
@ConfigurationProperties("kc.applications")
public record ApplicationSettings(
        @DefaultValue("3") @Min(0) int minDaysAhead,
        @DefaultValue("30") @Min(1) int maxStayDays,
        @DefaultValue("true") boolean consentRequired,
        @DefaultValue("5MB") DataSize maxPhotoSize) {
}
