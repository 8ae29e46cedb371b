package kr.kaesongcrossing.account;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** A staff account as an administrator creates it; the initial password follows {@link PasswordPolicy}. */
record StaffAccountForm(
        @NotBlank @Email @Size(max = 254) String email,
        @NotBlank @Size(max = 100) String displayName,
        @NotBlank @Pattern(regexp = "OFFICER|CHECKPOINT|SUPERVISOR|ADMIN") String role,
        @NotBlank @Pattern(regexp = "ko|en") String language,
        @NotBlank @Size(min = 12, max = 128) String password) {

    static StaffAccountForm empty(String language) {
        return new StaffAccountForm("", "", "OFFICER", language, "");
    }
}
