package kr.kaesongcrossing.retention;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The retention periods in days until ADMIN saves others ({@code kc.retention.*}): finished trips three years after
 * the return date (as the EU Entry/Exit System), refused or withdrawn applications one year, the crossing log's link
 * to the person as long as the trip, outbound mails 90 days, audit events ten years.
 */
@ConfigurationProperties("kc.retention")
record RetentionDefaults(
        @DefaultValue("1095") int tripDays,
        @DefaultValue("365") int refusedDays,
        @DefaultValue("1095") int crossingLogDays,
        @DefaultValue("90") int mailDays,
        @DefaultValue("3650") int auditDays) {

    RetentionForm form() {
        return new RetentionForm(tripDays, refusedDays, crossingLogDays, mailDays, auditDays);
    }
}
