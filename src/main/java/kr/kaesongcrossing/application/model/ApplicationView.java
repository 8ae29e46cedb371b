package kr.kaesongcrossing.application.model;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import kr.kaesongcrossing.application.ApplicationStatus;
import kr.kaesongcrossing.schedule.SlotKey;
import kr.kaesongcrossing.system.OfficeTime;

/**
 * An application as a detail page shows it. {@code idNumber} is whatever the viewer may see: masked for the
 * applicant and for staff, in full only in the answer to an officer's audited "show number".
 */
public record ApplicationView(long id, String reference, ApplicationStatus status, long version, long applicantId,
        String nameKorean, String nameLatin, LocalDate dateOfBirth, String nationality,
        IdDocumentType idDocumentType, String idNumber, String phone, String organisation, Purpose purpose,
        String purposeDetail, LocalDate entryDate, LocalDate returnDate, String vehiclePlate,
        VehicleType vehicleType, boolean hasPhoto, String counterpartReference, Instant createdAt,
        Instant submittedAt, List<GoodsLine> goods, List<TimelineEntry> timeline, boolean editable,
        boolean withdrawable, SlotKey northboundSlot, SlotKey southboundSlot, boolean watchlistHold) {

    public static ApplicationView of(TravelApplication a, String idNumberShown, boolean withdrawable) {
        return new ApplicationView(a.getId(), a.getReference(), a.getStatus(), a.getVersion(), a.getApplicantId(),
                a.getNameKorean(), a.getNameLatin(), a.getDateOfBirth(), a.getNationality(), a.getIdDocumentType(),
                idNumberShown, a.getPhone(), a.getOrganisation(), a.getPurpose(), a.getPurposeDetail(),
                a.getEntryDate(), a.getReturnDate(), a.getVehiclePlate(), a.getVehicleType(), a.hasPhoto(),
                a.getCounterpartReference(), a.getCreatedAt(), a.getSubmittedAt(), List.copyOf(a.getGoods()),
                a.getChanges().stream().map(TimelineEntry::of).toList(), a.isEditable(), withdrawable,
                a.getNorthboundSlot(), a.getSouthboundSlot(), a.isWatchlistHold());
    }

    /** False when {@code officer} is the applicant: the office's decisions on it are another officer's. */
    public boolean decidableBy(Actor officer) {
        return !TravelApplication.isOwnApplication(applicantId, officer);
    }

    /** Submitted and still going ahead: the trip holds seats an officer may move. */
    public boolean holdsSeats() {
        return TravelApplication.HOLDING_SEATS.contains(status);
    }

    public String submittedAtText() {
        return OfficeTime.minutes(submittedAt);
    }

    /** The latest message staff wrote with an information request, shown above the edit form. */
    public String openInformationRequest() {
        if (status != ApplicationStatus.INFORMATION_REQUESTED || timeline.isEmpty()) {
            return null;
        }
        return timeline.get(timeline.size() - 1).reason();
    }

    public String nationalityName(java.util.Locale locale) {
        return Countries.name(nationality, locale);
    }

    /** Whether a goods line carries an export permit number, which the officer checks before approving. */
    public boolean hasPermitGoods() {
        return goods.stream().anyMatch(g -> g.permitNumber() != null);
    }

    public long goodsTotalKrw() {
        return goods.stream().mapToLong(GoodsLine::valueKrw).sum();
    }

    /** Without personal details: a view may end up in a log line. */
    @Override
    public String toString() {
        return "ApplicationView[id=" + id + ", reference=" + reference + ", status=" + status + "]";
    }
}
