package kr.kaesongcrossing.application.permit;

import java.time.LocalDate;
import java.util.Locale;
import java.util.Map;
import kr.kaesongcrossing.account.Accounts;
import kr.kaesongcrossing.organisation.Organisations;

/** A permit as the lists show it: holder and organisation by name, and its state on {@code today}. */
public record PermitRow(StandingPermit permit, String holderName, String holderEmail, String organisationKo,
        String organisationEn, String state) {

    static PermitRow of(StandingPermit permit, Map<Long, Accounts.Contact> holders,
            Map<Long, Organisations.Names> organisations, LocalDate today) {
        Accounts.Contact holder = holders.get(permit.getHolderId());
        Organisations.Names organisation = organisations.get(permit.getOrganisationId());
        String state = permit.getRevokedAt() != null ? "REVOKED" : permit.getValidUntil().isBefore(today) ? "EXPIRED"
                : permit.getValidFrom().isAfter(today) ? "UPCOMING" : "VALID";
        return new PermitRow(permit, holder == null ? "" : holder.displayName(), holder == null ? "" : holder.email(),
                organisation == null ? "" : organisation.nameKo(), organisation == null ? "" : organisation.nameEn(),
                state);
    }

    public String organisation(Locale locale) {
        return "en".equals(locale.getLanguage()) ? organisationEn : organisationKo;
    }

    public boolean live() {
        return "VALID".equals(state) || "UPCOMING".equals(state);
    }
}
