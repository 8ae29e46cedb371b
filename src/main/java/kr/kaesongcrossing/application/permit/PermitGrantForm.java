package kr.kaesongcrossing.application.permit;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import kr.kaesongcrossing.application.model.Purpose;
import org.springframework.format.annotation.DateTimeFormat;

/**
 * The officer's grant form: the holder by the email of their applicant account. The directions are boxes: an
 * unticked one is not sent (null, read as not allowed).
 */
public record PermitGrantForm(
        @NotBlank(message = "{validation.required}") @Email(message = "{validation.email}") @Size(max = 254) String holderEmail,
        @NotNull(message = "{validation.required}") Long organisationId,
        @NotNull(message = "{validation.required}") Purpose purpose,
        @NotBlank(message = "{validation.required}") @Size(max = 1000) String purposeDetail,
        Boolean northbound,
        Boolean southbound,
        @NotNull(message = "{validation.required}") @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate validFrom,
        @NotNull(message = "{validation.required}") @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate validUntil) {

    static PermitGrantForm empty(LocalDate today, int months) {
        return new PermitGrantForm("", null, null, "", true, true, today, today.plusMonths(months).minusDays(1));
    }

    PermitTerms terms(long holderId) {
        return new PermitTerms(holderId, organisationId, purpose, purposeDetail, Boolean.TRUE.equals(northbound),
                Boolean.TRUE.equals(southbound), validFrom, validUntil);
    }
}
