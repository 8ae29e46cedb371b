package kr.kaesongcrossing.application.permit;

import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import kr.kaesongcrossing.account.Accounts;
import kr.kaesongcrossing.organisation.Organisations;
import kr.kaesongcrossing.system.OfficeTime;
import org.springframework.stereotype.Component;

/** Puts names to permits for the pages. */
@Component
class PermitRows {

    private final Accounts accounts;
    private final Organisations organisations;
    private final Clock clock;

    PermitRows(Accounts accounts, Organisations organisations, Clock clock) {
        this.accounts = accounts;
        this.organisations = organisations;
        this.clock = clock;
    }

    List<PermitRow> of(Collection<StandingPermit> permits) {
        Map<Long, Accounts.Contact> holders = accounts.contacts(permits.stream().map(StandingPermit::getHolderId)
                .distinct().toList());
        Map<Long, Organisations.Names> named = organisations.all().stream()
                .collect(Collectors.toMap(Organisations.Names::id, Function.identity()));
        return permits.stream().map(p -> PermitRow.of(p, holders, named, OfficeTime.today(clock))).toList();
    }

    List<Organisations.Names> organisations() {
        return organisations.all();
    }
}
