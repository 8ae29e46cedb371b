package kr.kaesongcrossing.account;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

record RegistrationForm(
        @NotBlank(message = "{validation.required}") @Email(message = "{validation.email}") @Size(max = 254)
                String email,
        @NotBlank(message = "{validation.required}") @Size(max = 100) String displayName,
        @NotBlank(message = "{validation.required}") @Size(min = 12, max = 128) String password,
        @NotBlank(message = "{validation.required}") @Pattern(regexp = "ko|en", message = "{validation.pattern}")
                String language) {
}
