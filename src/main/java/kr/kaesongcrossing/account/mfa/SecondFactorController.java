package kr.kaesongcrossing.account.mfa;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.WriterException;
import com.google.zxing.client.j2se.MatrixToImageWriter;
import com.google.zxing.qrcode.QRCodeWriter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import kr.kaesongcrossing.account.AccountPrincipal;
import kr.kaesongcrossing.account.SignInFailures;
import kr.kaesongcrossing.audit.AuditTrail;
import kr.kaesongcrossing.audit.Subject;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.core.authority.FactorGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The second step of a staff sign-in: a code from the authenticator app (or a recovery code) or a passkey, or on
 * first sign-in the enrolment of a passkey or of the app (QR code, then a code to confirm it), then the recovery
 * codes once. A passed code adds {@code FACTOR_TOTP} to the sign-in in a new session id; a passkey adds
 * {@code FACTOR_WEBAUTHN} through Spring's {@code /login/webauthn} (the page's script, {@link Passkeys}). Wrong
 * codes count toward the account's sign-in lock; the lock signs the person out.
 */
@Controller
@RequestMapping("/account/second-factor")
class SecondFactorController {

    private static final String ISSUER = "Kaesong Crossing";
    private static final int MAX_CODE = 40;

    private final SecondFactors factors;
    private final SignInFailures failures;
    private final AuditTrail audit;
    private final Clock clock;
    private final SecurityContextHolderStrategy contexts = SecurityContextHolder.getContextHolderStrategy();
    private final SecurityContextRepository contextRepository = new HttpSessionSecurityContextRepository();

    SecondFactorController(SecondFactors factors, SignInFailures failures, AuditTrail audit, Clock clock) {
        this.factors = factors;
        this.failures = failures;
        this.audit = audit;
        this.clock = clock;
    }

    @GetMapping
    String codePage(@RequestParam(name = "continue", defaultValue = "/") String next,
            @AuthenticationPrincipal AccountPrincipal user, Authentication signIn, Model model) {
        String target = SecondFactorGate.safeContinue(next);
        if (!user.role().isStaff()) {
            return "redirect:/";
        }
        if (!factors.isEnrolled(user.id())) {
            return "redirect:/account/second-factor/enrol?continue=" + encode(target);
        }
        model.addAttribute("next", target);
        model.addAttribute("stepUp", SecondFactorGate.secondFactorAt(signIn).isPresent());
        return "account/second-factor";
    }

    @PostMapping
    String checkCode(@RequestParam(defaultValue = "") String code,
            @RequestParam(name = "continue", defaultValue = "/") String next,
            @AuthenticationPrincipal AccountPrincipal user, Authentication signIn, Model model,
            HttpServletRequest request, HttpServletResponse response) {
        String target = SecondFactorGate.safeContinue(next);
        if (!user.role().isStaff()) {
            return "redirect:/";
        }
        if (code.length() <= MAX_CODE && factors.verify(user.id(), code)) {
            passed(user, signIn, request, response);
            return "redirect:" + target;
        }
        if (refused(user, request)) {
            return "redirect:/login?locked";
        }
        model.addAttribute("next", target);
        model.addAttribute("stepUp", SecondFactorGate.secondFactorAt(signIn).isPresent());
        model.addAttribute("problem", "mfa.code.wrong");
        return "account/second-factor";
    }

    @GetMapping("/enrol")
    String enrolPage(@RequestParam(name = "continue", defaultValue = "/") String next,
            @AuthenticationPrincipal AccountPrincipal user, Model model) {
        String target = SecondFactorGate.safeContinue(next);
        if (!user.role().isStaff()) {
            return "redirect:/";
        }
        if (factors.isEnrolled(user.id())) {
            return "redirect:/account/second-factor?continue=" + encode(target);
        }
        return enrolView(user, target, model);
    }

    @PostMapping("/enrol")
    String confirmEnrolment(@RequestParam(defaultValue = "") String code,
            @RequestParam(name = "continue", defaultValue = "/") String next,
            @AuthenticationPrincipal AccountPrincipal user, Authentication signIn, Model model,
            HttpServletRequest request, HttpServletResponse response) {
        String target = SecondFactorGate.safeContinue(next);
        if (!user.role().isStaff() || factors.isEnrolled(user.id())) {
            return "redirect:/account/second-factor?continue=" + encode(target);
        }
        List<String> recoveryCodes = code.length() <= MAX_CODE ? factors.confirm(user.id(), code.strip()) : List.of();
        if (recoveryCodes.isEmpty()) {
            if (refused(user, request)) {
                return "redirect:/login?locked";
            }
            model.addAttribute("problem", "mfa.code.wrong");
            return enrolView(user, target, model);
        }
        audit.record("mfa.enrolled", Subject.of("account", user.id()), "factor=totp");
        passed(user, signIn, request, response);
        model.addAttribute("next", target);
        model.addAttribute("recoveryCodes", recoveryCodes);
        model.addAttribute("enrolled", "mfa.recovery.enrolled");
        return "account/recovery-codes";
    }

    /**
     * After the enrolment page's script registered a passkey and signed in with it, or the code page's script signed
     * in with one: the recovery codes, once, if the account has none yet (an enrolment interrupted between making
     * the passkey and using it gets them at its next passkey sign-in here). The session has the second factor only
     * from that passkey sign-in, not from the registration itself: what the gate accepts is then the same for a new
     * passkey as for every later one (one real WebAuthn sign-in with user verification), and a registration
     * interrupted half-way gives no factor.
     */
    @PostMapping("/passkey")
    String passkeyEnrolled(@RequestParam(name = "continue", defaultValue = "/") String next,
            @AuthenticationPrincipal AccountPrincipal user, Authentication signIn, Model model) {
        String target = SecondFactorGate.safeContinue(next);
        if (!user.role().isStaff() || SecondFactorGate.factor(signIn, SecondFactorGate.PASSKEY).isEmpty()) {
            return "redirect:/account/second-factor?continue=" + encode(target);
        }
        List<String> recoveryCodes = factors.recoveryCodesForPasskey(user.id());
        if (recoveryCodes.isEmpty()) {
            return "redirect:" + target;
        }
        audit.record("mfa.enrolled", Subject.of("account", user.id()), "factor=passkey");
        model.addAttribute("next", target);
        model.addAttribute("recoveryCodes", recoveryCodes);
        model.addAttribute("enrolled", "mfa.recovery.enrolledPasskey");
        return "account/recovery-codes";
    }

    private String enrolView(AccountPrincipal user, String target, Model model) {
        String secret = factors.pendingSecret(user.id());
        model.addAttribute("next", target);
        model.addAttribute("qr", qrDataUri(Totp.uri(secret, ISSUER, user.email())));
        model.addAttribute("secretGroups", String.join(" ", groupsOfFour(secret)));
        return "account/second-factor-enrol";
    }

    /** The sign-in now has its second factor: a new context in a new session id, the failure count cleared. */
    private void passed(AccountPrincipal user, Authentication signIn, HttpServletRequest request,
            HttpServletResponse response) {
        List<GrantedAuthority> authorities = new ArrayList<>(signIn.getAuthorities().stream()
                .filter(a -> !SecondFactorGate.TOTP.equals(a.getAuthority())).toList());
        authorities.add(FactorGrantedAuthority.withAuthority(SecondFactorGate.TOTP).issuedAt(clock.instant()).build());
        UsernamePasswordAuthenticationToken token = UsernamePasswordAuthenticationToken.authenticated(
                signIn.getPrincipal(), null, authorities);
        token.setDetails(signIn.getDetails());
        request.changeSessionId();
        SecurityContext context = contexts.createEmptyContext();
        context.setAuthentication(token);
        contexts.setContext(context);
        contextRepository.saveContext(context, request, response);
        failures.clear(user.id());
        audit.record("login.second-factor", Subject.of("account", user.id()), null);
    }

    /** Counts a wrong code; when that locks the account, signs the person out. */
    private boolean refused(AccountPrincipal user, HttpServletRequest request) {
        audit.refused("login.second-factor", Subject.of("account", user.id()), null);
        if (!failures.record(user.id())) {
            return false;
        }
        contexts.clearContext();
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.invalidate();
        }
        return true;
    }

    private static List<String> groupsOfFour(String secret) {
        List<String> groups = new ArrayList<>();
        for (int i = 0; i < secret.length(); i += 4) {
            groups.add(secret.substring(i, Math.min(secret.length(), i + 4)));
        }
        return groups;
    }

    /** The QR code as a PNG data: URI (the page's CSP allows data: images; nothing leaves the server). */
    private static String qrDataUri(String text) {
        try {
            ByteArrayOutputStream png = new ByteArrayOutputStream();
            MatrixToImageWriter.writeToStream(new QRCodeWriter().encode(text, BarcodeFormat.QR_CODE, 240, 240),
                    "PNG", png);
            return "data:image/png;base64," + Base64.getEncoder().encodeToString(png.toByteArray());
        } catch (WriterException e) {
            throw new IllegalStateException("QR code", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String encode(String target) {
        return URLEncoder.encode(target, StandardCharsets.UTF_8);
    }
}
