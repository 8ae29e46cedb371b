package kr.kaesongcrossing.home;

import java.util.List;

import jakarta.servlet.http.HttpSession;
import kr.kaesongcrossing.account.AccountFigures;
import kr.kaesongcrossing.account.AccountPrincipal;
import kr.kaesongcrossing.application.ApplicationFigures;
import kr.kaesongcrossing.application.ApplicationFigures.MyApplication;
import kr.kaesongcrossing.audit.AuditFigures;
import kr.kaesongcrossing.checkpoint.CheckpointFigures;
import kr.kaesongcrossing.notification.MailFigures;
import kr.kaesongcrossing.pass.PassForScan;
import kr.kaesongcrossing.pass.PassVerifier;
import kr.kaesongcrossing.pass.SigningKeys;
import kr.kaesongcrossing.schedule.Slot;
import kr.kaesongcrossing.schedule.Slots;
import kr.kaesongcrossing.screening.Screening;
import kr.kaesongcrossing.system.OfficeTime;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** Each role lands on its own home page: how the day stands for them, then the menu of what they may do. */
@Controller
class HomeController {

    private final ApplicationFigures applications;
    private final CheckpointFigures checkpoint;
    private final Screening screening;
    private final Slots slots;
    private final AccountFigures accounts;
    private final SigningKeys keys;
    private final MailFigures mail;
    private final AuditFigures audit;
    private final PassVerifier passes;

    HomeController(ApplicationFigures applications, CheckpointFigures checkpoint, Screening screening, Slots slots,
            AccountFigures accounts, SigningKeys keys, MailFigures mail, AuditFigures audit, PassVerifier passes) {
        this.applications = applications;
        this.checkpoint = checkpoint;
        this.screening = screening;
        this.slots = slots;
        this.accounts = accounts;
        this.keys = keys;
        this.mail = mail;
        this.audit = audit;
        this.passes = passes;
    }

    @GetMapping("/")
    String home(@AuthenticationPrincipal AccountPrincipal user, HttpSession session, Model model) {
        return switch (user.role()) {
            case CIVILIAN -> civilian(user, model);
            case OFFICER -> officer(user, model);
            case CHECKPOINT, SUPERVISOR -> checkpoint(session, model); // the same lanes, log and roster
            case ADMIN -> admin(model);
        };
    }

    private String civilian(AccountPrincipal user, Model model) {
        MyApplication next = applications.nextTrip(user.id());
        model.addAttribute("nextTrip", next);
        model.addAttribute("nextPass", next == null ? null : passes.currentFor(next.id())
                .filter(pass -> pass.holderAccountId() == user.id()).map(PassForScan::passId).orElse(null));
        model.addAttribute("needingAction", applications.needingAction(user.id()));
        model.addAttribute("crossings", checkpoint.crossingsOf(applications.travelled(user.id())));
        return "home/civilian";
    }

    private String officer(AccountPrincipal user, Model model) {
        model.addAttribute("queue", applications.queueAge());
        model.addAttribute("consentBySlot", applications.awaitingConsentBySlot());
        List<Slot> closing = slots.listsClosingToday();
        model.addAttribute("closingToday", closing);
        model.addAttribute("closingAt", closing.isEmpty() ? null : OfficeTime.minutes(closing.get(0).listClosesAt()));
        model.addAttribute("openMatches", screening.openMatches());
        model.addAttribute("heldAfterApproval", applications.heldAfterApproval());
        model.addAttribute("decisionsToday", applications.decisionsToday(user.id()));
        return "home/officer";
    }

    private String checkpoint(HttpSession session, Model model) {
        model.addAttribute("across", checkpoint.across());
        model.addAttribute("gateSlot", checkpoint.gateSlot(session).orElse(null));
        model.addAttribute("liveRefresh", 60); // the live numbers' reload without JavaScript
        return "home/checkpoint";
    }

    private String admin(Model model) {
        model.addAttribute("attention", accounts.attention());
        model.addAttribute("devicesNotSeen", checkpoint.devicesNotSeenForADay());
        model.addAttribute("keys", keys.ages());
        model.addAttribute("mailFailed", mail.failed());
        model.addAttribute("lastVerified", audit.latest("audit.verified").orElse(null));
        model.addAttribute("lastAnchor", audit.lastAnchor().map(OfficeTime::minutes)
                .orElse(null));
        model.addAttribute("lastRetention", audit.latest("retention.run").orElse(null));
        return "home/admin";
    }
}
