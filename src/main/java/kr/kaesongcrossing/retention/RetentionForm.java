package kr.kaesongcrossing.retention;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

/**
 * The periods in days as ADMIN edits them. The lower bounds keep data at least as long as the office needs it
 * (audit events five years); the upper ones catch a typo that would keep data for ever.
 */
record RetentionForm(
        @NotNull(message = "{validation.required}")
        @Min(value = 180, message = "{retention.range.trip}") @Max(value = 3650, message = "{retention.range.trip}")
        Integer tripDays,
        @NotNull(message = "{validation.required}")
        @Min(value = 30, message = "{retention.range.refused}") @Max(value = 3650, message = "{retention.range.refused}")
        Integer refusedDays,
        @NotNull(message = "{validation.required}")
        @Min(value = 180, message = "{retention.range.trip}") @Max(value = 3650, message = "{retention.range.trip}")
        Integer crossingLogDays,
        @NotNull(message = "{validation.required}")
        @Min(value = 7, message = "{retention.range.mail}") @Max(value = 3650, message = "{retention.range.mail}")
        Integer mailDays,
        @NotNull(message = "{validation.required}")
        @Min(value = 1825, message = "{retention.range.audit}") @Max(value = 36500, message = "{retention.range.audit}")
        Integer auditDays) {

    /** For the audit event: key=value, no personal data. */
    String describe() {
        return "trip-days=" + tripDays + " refused-days=" + refusedDays + " crossing-log-days=" + crossingLogDays
                + " mail-days=" + mailDays + " audit-days=" + auditDays;
    }
}
