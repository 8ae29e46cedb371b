package kr.kaesongcrossing.application.permit;

import java.time.LocalDate;

/**
 * The rules of a grant and of a booking, free of I/O. A permit runs at most {@code maxMonths} from its first day,
 * starts no earlier than today, allows at least one direction, and is for a member of its organisation. A booking
 * is on a valid permit, in an allowed direction, on a date within the permit, and not in the past.
 */
public final class PermitRules {

    private final int maxMonths;

    public PermitRules(int maxMonths) {
        if (maxMonths < 1) {
            throw new IllegalArgumentException("kc.permits.max-months must be at least 1");
        }
        this.maxMonths = maxMonths;
    }

    public int maxMonths() {
        return maxMonths;
    }

    /** @throws PermitRefused naming the first broken rule */
    public void checkGrant(PermitTerms terms, boolean member, LocalDate today) {
        if (!member) {
            throw new PermitRefused("permit.error.notMember");
        }
        if (!terms.northbound() && !terms.southbound()) {
            throw new PermitRefused("permit.error.noDirection");
        }
        if (terms.purposeDetail() == null || terms.purposeDetail().isBlank()) {
            throw new PermitRefused("permit.error.purposeRequired");
        }
        if (terms.validFrom().isBefore(today) || terms.validUntil().isBefore(terms.validFrom())) {
            throw new PermitRefused("permit.error.dates");
        }
        if (terms.validUntil().isAfter(terms.validFrom().plusMonths(maxMonths))) {
            throw new PermitRefused("permit.error.tooLong", maxMonths);
        }
    }

    /** @throws PermitRefused when the permit does not cover a crossing on {@code date} in that direction */
    public void checkBooking(StandingPermit permit, kr.kaesongcrossing.schedule.TravelDirection direction,
            LocalDate date, LocalDate today) {
        if (!permit.validOn(date)) {
            throw new PermitRefused("permit.error.notValidOn", date);
        }
        if (!permit.allows(direction)) {
            throw new PermitRefused("permit.error.directionNotAllowed");
        }
        if (date.isBefore(today)) {
            throw new PermitRefused("permit.error.past");
        }
    }

    /** The renewal of a permit: the day after it ends (or today, if later), for as long as the rules allow. */
    public PermitTerms renewalOf(StandingPermit permit, LocalDate today) {
        LocalDate from = permit.getValidUntil().plusDays(1);
        if (from.isBefore(today)) {
            from = today;
        }
        return new PermitTerms(permit.getHolderId(), permit.getOrganisationId(), permit.getPurpose(),
                permit.getPurposeDetail(), permit.isNorthbound(), permit.isSouthbound(), from,
                from.plusMonths(maxMonths).minusDays(1));
    }
}
