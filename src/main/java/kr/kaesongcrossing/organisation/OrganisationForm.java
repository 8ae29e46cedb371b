package kr.kaesongcrossing.organisation;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * An organisation as ADMIN creates or edits it. The registration number (business, NGO or ministry code) is kept as
 * written: its format differs by type, and it is unique.
 */
record OrganisationForm(
        @NotBlank(message = "{validation.required}") @Size(max = 100) String nameKo,
        @NotBlank(message = "{validation.required}") @Size(max = 100) String nameEn,
        @NotBlank(message = "{validation.required}")
                @Pattern(regexp = "MINISTRY|COMPANY|NGO|PRESS", message = "{validation.pattern}") String type,
        @NotBlank(message = "{validation.required}") @Size(max = 40)
                @Pattern(regexp = "[0-9A-Za-z-]*", message = "{organisation.registrationNumber.pattern}")
                String registrationNumber) {

    static OrganisationForm empty() {
        return new OrganisationForm("", "", "COMPANY", "");
    }
}
