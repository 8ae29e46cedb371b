package kr.kaesongcrossing.screening;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import org.springframework.format.annotation.DateTimeFormat;

/** A watch-list entry as ADMIN types it; at least one name is needed, the rest of the identity when known. */
record WatchListForm(
        @Size(max = 100) @Pattern(regexp = "[\\p{IsHangul}\\s]*", message = "{watchlist.nameKorean.pattern}")
                String nameKorean,
        @Size(max = 100) @Pattern(regexp = "[A-Za-z\\s'.-]*", message = "{watchlist.nameLatin.pattern}")
                String nameLatin,
        @PastOrPresent @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate dateOfBirth,
        @Size(max = 40) @Pattern(regexp = "[0-9A-Za-z\\s-]*", message = "{watchlist.idNumber.pattern}")
                String idNumber,
        @NotBlank(message = "{validation.required}") @Size(max = 500) String reason,
        @NotBlank(message = "{validation.required}") @Size(max = 200) String source,
        @NotNull(message = "{validation.required}") @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
                LocalDate listedSince) {

    static WatchListForm empty(LocalDate today) {
        return new WatchListForm("", "", null, "", "", "", today);
    }

    @AssertTrue(message = "{watchlist.name.required}")
    public boolean isNamed() {
        return !blank(nameKorean) || !blank(nameLatin);
    }

    static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
