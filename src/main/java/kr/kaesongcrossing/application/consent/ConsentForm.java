package kr.kaesongcrossing.application.consent;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import kr.kaesongcrossing.application.model.StatusChange;
import org.springframework.format.annotation.DateTimeFormat;

/**
 * The counterpart's answer, recorded on the application's review page or from the consent list ({@code date} is
 * that list's day, to go back to it).
 */
public record ConsentForm(String decision,
        @NotBlank(message = "{application.consent.reference.required}")
        @Size(max = ConsentImport.MAX_REFERENCE) String counterpartReference,
        @Size(max = StatusChange.MAX_REASON) String note,
        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date) {

    public ConsentForm {
        counterpartReference = counterpartReference == null ? null : counterpartReference.strip();
    }

    public boolean consented() {
        return "consent".equals(decision);
    }
}
