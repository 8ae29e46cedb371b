package kr.kaesongcrossing.application.consent;

import java.io.Serializable;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import kr.kaesongcrossing.application.ApplicationStatus;
import kr.kaesongcrossing.application.model.Actor;
import kr.kaesongcrossing.application.model.ApplicationNotFoundException;
import kr.kaesongcrossing.application.model.ConsentCandidate;
import kr.kaesongcrossing.application.model.IllegalTransitionException;
import kr.kaesongcrossing.application.model.OwnApplicationException;
import kr.kaesongcrossing.application.model.StaleApplicationException;
import kr.kaesongcrossing.application.model.TravelApplication;
import kr.kaesongcrossing.application.model.TravelApplicationRepository;
import kr.kaesongcrossing.application.review.ReviewService;
import kr.kaesongcrossing.schedule.Booking;
import kr.kaesongcrossing.schedule.SlotKey;
import kr.kaesongcrossing.schedule.Slots;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Imports the counterpart's consent list for a date or for a slot: first a preview that says, row by row, what would
 * change or why a row matches nothing; then, once the officer confirms, the planned decisions are recorded one
 * application at a time (each in its own transaction), skipping any application changed since the preview. A slot's
 * list matches the trips holding a seat in the slot; its consents are recorded for the slot too ({@link SlotConsents}),
 * so a trip already approved for travel may be on it.
 */
@Component
public class ConsentImport {

    public static final int MAX_REFERENCE = 50;

    /** One row of the file and what it would do, or why it cannot. */
    record PlanRow(int line, String reference, Long applicationId, Long version, String name,
            ApplicationStatus current, Boolean consent, String counterpartReference, String problem,
            String problemArg) implements Serializable {

        boolean applicable() {
            return problem == null;
        }

        public ApplicationStatus next() {
            return consent == null ? null
                    : consent ? ApplicationStatus.APPROVED_FOR_TRAVEL : ApplicationStatus.CONSENT_REFUSED;
        }
    }

    /**
     * The preview the officer confirms; kept in the session under its token. {@code slot}: the slot key's text for a
     * slot's list, null for a date's.
     */
    record Plan(String token, LocalDate date, String slot, String listReference, List<PlanRow> rows)
            implements Serializable {

        public long applicableCount() {
            return rows.stream().filter(PlanRow::applicable).count();
        }

        public long problemCount() {
            return rows.size() - applicableCount();
        }
    }

    /** What happened to a row on confirmation: {@code outcome} is a message key. */
    record Outcome(PlanRow row, boolean applied, String outcome, String outcomeArg) implements Serializable {
    }

    /** Which trips a list is about: those planned to enter on {@code date}, or those holding a seat in a slot. */
    private record Scope(LocalDate date, SlotKey slot, Set<Long> inSlot) {
    }

    private final TravelApplicationRepository applications;
    private final ReviewService reviews;
    private final SlotConsents slotConsents;
    private final Slots slots;

    ConsentImport(TravelApplicationRepository applications, ReviewService reviews, SlotConsents slotConsents,
            Slots slots) {
        this.applications = applications;
        this.reviews = reviews;
        this.slotConsents = slotConsents;
        this.slots = slots;
    }

    @Transactional(readOnly = true)
    Plan preview(List<ConsentCsv.Row> rows, LocalDate date, String listReference, Actor officer) {
        return preview(rows, new Scope(date, null, Set.of()), listReference, officer);
    }

    /** The preview of the consent list for {@code slot}. */
    @Transactional(readOnly = true)
    Plan preview(List<ConsentCsv.Row> rows, SlotKey slot, String listReference, Actor officer) {
        Set<Long> inSlot = slots.bookingsIn(slot).stream().map(Booking::applicationId).collect(Collectors.toSet());
        return preview(rows, new Scope(slot.date(), slot, inSlot), listReference, officer);
    }

    private Plan preview(List<ConsentCsv.Row> rows, Scope scope, String listReference, Actor officer) {
        Set<String> references = rows.stream()
                .filter(r -> !r.cells().isEmpty())
                .map(r -> r.cells().get(0).toUpperCase(Locale.ROOT))
                .filter(r -> r.length() <= 20)
                .collect(Collectors.toCollection(LinkedHashSet::new));
        Map<String, ConsentCandidate> found = references.isEmpty() ? Map.of()
                : applications.findCandidates(references).stream()
                        .collect(Collectors.toMap(ConsentCandidate::reference, Function.identity()));
        Map<String, Integer> seen = new HashMap<>();
        List<PlanRow> plan = new ArrayList<>();
        for (ConsentCsv.Row row : rows) {
            plan.add(planRow(row, scope, listReference, officer, found, seen));
        }
        return new Plan(UUID.randomUUID().toString(), scope.date(),
                scope.slot() == null ? null : scope.slot().toString(), listReference, List.copyOf(plan));
    }

    private static PlanRow planRow(ConsentCsv.Row row, Scope scope, String listReference, Actor officer,
            Map<String, ConsentCandidate> found, Map<String, Integer> seen) {
        List<String> cells = row.cells();
        String reference = cells.isEmpty() ? "" : cells.get(0).toUpperCase(Locale.ROOT);
        String shownReference = reference.length() > 40 ? reference.substring(0, 40) + "…" : reference;
        if (cells.size() < 2 || cells.size() > 3) {
            return problem(row, shownReference, null, "application.consent.problem.columns", null);
        }
        Optional<Boolean> decision = ConsentCsv.decision(cells.get(1));
        String counterpart = cells.size() == 3 && !cells.get(2).isBlank() ? cells.get(2) : listReference;
        ConsentCandidate candidate = found.get(reference);
        if (candidate == null) {
            return problem(row, shownReference, null, "application.consent.problem.unknown", null);
        }
        if (decision.isEmpty()) {
            return problem(row, shownReference, candidate, "application.consent.problem.decision",
                    cells.get(1).length() > 40 ? cells.get(1).substring(0, 40) : cells.get(1));
        }
        if (counterpart == null || counterpart.length() > MAX_REFERENCE) {
            return problem(row, shownReference, candidate, "application.consent.problem.counterpartReference",
                    String.valueOf(MAX_REFERENCE));
        }
        Integer earlier = seen.putIfAbsent(reference, row.line());
        if (earlier != null) {
            return problem(row, shownReference, candidate, "application.consent.problem.duplicate",
                    String.valueOf(earlier));
        }
        if (scope.slot() != null && !scope.inSlot().contains(candidate.id())) {
            return problem(row, shownReference, candidate, "application.consent.problem.notInSlot", null);
        }
        // a slot's consent may name a trip already approved for travel (its other direction's slot); a refusal not
        boolean alreadyApproved = scope.slot() != null && decision.get()
                && candidate.status() == ApplicationStatus.APPROVED_FOR_TRAVEL;
        if (candidate.status() != ApplicationStatus.AWAITING_CONSENT && !alreadyApproved) {
            return problem(row, shownReference, candidate, "application.consent.problem.status",
                    candidate.status().name());
        }
        if (scope.slot() == null && !scope.date().equals(candidate.entryDate())) {
            return problem(row, shownReference, candidate, "application.consent.problem.date",
                    String.valueOf(candidate.entryDate()));
        }
        if (TravelApplication.isOwnApplication(candidate.applicantId(), officer)) {
            return problem(row, shownReference, candidate, "application.consent.problem.own", null);
        }
        return new PlanRow(row.line(), reference, candidate.id(), candidate.version(), candidate.nameKorean(),
                candidate.status(), decision.get(), counterpart, null, null);
    }

    private static PlanRow problem(ConsentCsv.Row row, String reference, ConsentCandidate candidate, String problem,
            String arg) {
        return new PlanRow(row.line(), reference, candidate == null ? null : candidate.id(),
                candidate == null ? null : candidate.version(), candidate == null ? null : candidate.nameKorean(),
                candidate == null ? null : candidate.status(), null, null, problem, arg);
    }

    /** Records every applicable row of the plan; not transactional itself, so one refused row stops nothing. */
    List<Outcome> apply(Plan plan, Actor officer) {
        List<Outcome> outcomes = new ArrayList<>();
        for (PlanRow row : plan.rows()) {
            if (!row.applicable()) {
                outcomes.add(new Outcome(row, false, row.problem(), row.problemArg()));
                continue;
            }
            try {
                ApplicationStatus now = plan.slot() != null && row.consent()
                        ? slotConsents.record(row.applicationId(), SlotKey.parse(plan.slot()).orElseThrow(),
                                row.counterpartReference(), officer, row.version())
                        : reviews.recordConsent(row.applicationId(), row.version(), officer, row.consent(),
                                row.counterpartReference(), null);
                outcomes.add(new Outcome(row, true, "application.consent.outcome.applied", now.name()));
            } catch (StaleApplicationException e) {
                outcomes.add(new Outcome(row, false, "application.consent.outcome.changed", e.current().name()));
            } catch (IllegalTransitionException e) {
                outcomes.add(new Outcome(row, false, "application.consent.outcome.changed", e.current().name()));
            } catch (OwnApplicationException e) {
                outcomes.add(new Outcome(row, false, "application.consent.problem.own", null));
            } catch (ApplicationNotFoundException e) {
                outcomes.add(new Outcome(row, false, "application.consent.problem.unknown", null));
            } catch (SlotConsentRefusal e) {
                outcomes.add(new Outcome(row, false, e.getCodes()[0], null));
            }
        }
        return outcomes;
    }
}
