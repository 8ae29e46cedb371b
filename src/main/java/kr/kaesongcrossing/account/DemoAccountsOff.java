package kr.kaesongcrossing.account;

import kr.kaesongcrossing.audit.Actor;
import kr.kaesongcrossing.audit.AuditTrail;
import kr.kaesongcrossing.audit.Subject;
import kr.kaesongcrossing.system.RetryOnWriteConflict;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Outside demo mode no demo account may sign in, whatever copied or restored database the instance runs on: every
 * enabled {@code @demo.test} account is disabled at start-up and its sessions end (logged with ids only).
 */
@Component("demoAccountsOff")
@Order(0)
@ConditionalOnProperty(name = "kc.demo.enabled", havingValue = "false", matchIfMissing = true)
class DemoAccountsOff implements ApplicationRunner {

    static final String DEMO_DOMAIN = "@demo.test";

    private final UserAccountRepository accounts;
    private final ApplicationEventPublisher events;
    private final AuditTrail audit;

    DemoAccountsOff(UserAccountRepository accounts, ApplicationEventPublisher events, AuditTrail audit) {
        this.accounts = accounts;
        this.events = events;
        this.audit = audit;
    }

    @Override
    @RetryOnWriteConflict
    @Transactional
    public void run(ApplicationArguments args) {
        for (UserAccount account : accounts.findByEmailEndingWithIgnoreCaseAndEnabledTrue(DEMO_DOMAIN)) {
            account.disable();
            events.publishEvent(new AccountSessions.AccessChanged(account.getId(), account.getEmail()));
            audit.recordAs(Actor.system("demo-accounts-off"), "account.disabled", Subject.of("account", account.getId()),
                    AuditTrail.Outcome.SUCCESS, "reason=demo-mode-off");
        }
    }
}
