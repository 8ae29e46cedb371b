package kr.kaesongcrossing.account;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** A staff account as an administrator creates it; the initial password follows {@link PasswordPolicy}. */
record StaffAccountForm(
        @NotBlank(message = "{validation.required}") @Email(message = "{validation.email}") @Size(max = 254)
                String email,
        @NotBlank(message = "{validation.required}") @Size(max = 100) String displayName,
        @NotBlank(message = "{validation.required}")
                @Pattern(regexp = "OFFICER|CHECKPOINT|SUPERVISOR|ADMIN", message = "{validation.pattern}") String role,
        @NotBlank(message = "{validation.required}") @Pattern(regexp = "ko|en", message = "{validation.pattern}")
                String language,
        @NotBlank(message = "{validation.required}") @Size(min = 12, max = 128) String password) {

    static StaffAccountForm empty(String language) {
        return new StaffAccountForm("", "", "OFFICER", language, "");
    }
}
