package kr.kaesongcrossing.reliability;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import kr.kaesongcrossing.QrScan;
import kr.kaesongcrossing.TestImages;
import kr.kaesongcrossing.WebClient;
import kr.kaesongcrossing.WebClient.Answer;

/**
 * What the scan load needs, made the way people make it, through the running app's pages: staff accounts created
 * by an administrator, a scanner device token issued at /admin/devices, and passes from real applications (a
 * civilian applies with a photo, an officer approves and records consent) whose tokens are read from the pass's QR
 * code with ZXing, as a lane scanner would.
 */
final class ScanFixtures {

    static final String DEMO_PASSWORD = "kaesong-demo-2026";
    static final String DEMO_DEVICE_TOKEN = "demo-checkpoint-device-token";
    static final String STAFF_PASSWORD = "lantern orchard meadow 4412";
    /**
     * App arguments the crowd needs: trips may start today, so that new passes are valid now; today's crossing lists
     * stay open until 23:59 KST so that they can be booked; the route has only the zone gate, where the crowd's
     * devices scan ENTRY and EXIT as they did before the route had two gates; and the gate runs without slot checks,
     * since the crowd crosses whenever the test runs, not in its slots.
     */
    static final String[] CROWD_SETTINGS = {"--kc.applications.min-days-ahead=0", "--kc.schedule.cutoff-days=0",
        "--kc.schedule.cutoff-time=23:59", "--kc.route.gates=KAESONG", "--kc.schedule.gate-checks=false"};

    private static final Pattern APPLICATION_ID = Pattern.compile("/applications/(\\d+)");
    private static final Pattern VERSION = Pattern.compile("name=\"version\" value=\"(\\d+)\"");
    private static final Pattern PASS_LINK = Pattern.compile("href=\"/passes/([A-Za-z0-9_-]{10,43})\"");
    private static final Pattern DEVICE_TOKEN = Pattern.compile("class=\"kc-token\">([^<]+)<");
    private static final ZoneId SEOUL = ZoneId.of("Asia/Seoul");

    private ScanFixtures() {
    }

    /** A signed-in administrator: the demo one, or the bootstrap one of a mysql-profile instance. */
    static WebClient admin(AppProcess app, boolean demo) {
        WebClient admin = WebClient.forPort(app.port()).withTimeout(Duration.ofSeconds(60));
        boolean signedIn = demo ? admin.login("admin@demo.test", DEMO_PASSWORD)
                : admin.login(AppProcess.ADMIN_EMAIL, AppProcess.ADMIN_PASSWORD);
        check(signedIn, "administrator sign-in");
        return admin;
    }

    /** A new staff account (OFFICER or CHECKPOINT) created at /admin/users, signed in on the same app. */
    static WebClient staff(WebClient admin, int port, String role) {
        String email = role.toLowerCase(java.util.Locale.ROOT) + "-" + UUID.randomUUID() + "@staff.test";
        admin.open("/admin/users/new");
        Answer created = admin.postForm("/admin/users", Map.of("email", email, "displayName", "Staff " + role,
                "role", role, "language", "en", "password", STAFF_PASSWORD));
        check(created.status() == 302, "creating a " + role + " account: " + created.status());
        WebClient staff = WebClient.forPort(port).withTimeout(Duration.ofSeconds(60));
        check(staff.login(email, STAFF_PASSWORD), role + " sign-in");
        return staff;
    }

    /** A scanner device token: the demo one, or one issued by the administrator at /admin/devices. */
    static String deviceToken(WebClient admin, boolean demo) {
        if (demo) {
            return DEMO_DEVICE_TOKEN;
        }
        admin.open("/admin/devices");
        Answer issued = admin.postForm("/admin/devices", Map.of("name", "reliability lane " + UUID.randomUUID()
                .toString().substring(0, 8)));
        Matcher token = DEVICE_TOKEN.matcher(issued.body());
        check(issued.status() == 200 && token.find(), "issuing a device token: " + issued.status());
        return token.group(1).strip();
    }

    /** {@code count} valid passes (one civilian each, trip from today for a week); returns their QR tokens. */
    static List<String> passes(int port, WebClient officer, int count) {
        List<String> tokens = new ArrayList<>();
        byte[] photo = TestImages.jpeg(480, 640); // the application checks its size and re-encodes it
        for (int i = 0; i < count; i++) {
            tokens.add(pass(port, officer, photo, i));
        }
        return tokens;
    }

    private static String pass(int port, WebClient officer, byte[] photo, int n) {
        WebClient civilian = civilian(port, n);
        LocalDate today = LocalDate.now(SEOUL);
        Answer submitted = apply(civilian, photo, n, today,
                "N-" + today + "-" + List.of("0830", "1000", "1400").get(n % 3),
                "S-" + today.plusDays(7) + "-" + List.of("1200", "1600", "1730").get(n % 3));
        Matcher id = APPLICATION_ID.matcher(submitted.location());
        check(submitted.status() == 302 && id.find(), "submitting an application: " + submitted.status() + " "
                + excerpt(submitted.body()));
        String applicationId = id.group(1);
        decide(officer, applicationId, "approve", Map.of());
        decide(officer, applicationId, "consent", Map.of("decision", "consent", "counterpartReference",
                "NK-REL-" + applicationId));
        Answer list = civilian.get("/passes");
        Matcher link = PASS_LINK.matcher(list.body());
        check(link.find(), "the civilian's pass list shows the new pass");
        return decodeQr(civilian, "/passes/" + link.group(1) + "/qr.png");
    }

    /** A newly registered civilian, signed in. */
    static WebClient civilian(int port, int n) {
        WebClient civilian = WebClient.forPort(port).withTimeout(Duration.ofSeconds(60));
        String email = "traveller-" + UUID.randomUUID() + "@reliability.test";
        check(civilian.register(email, "여행자 " + n, Crowd.PASSWORD, "ko"), "civilian registration");
        check(civilian.login(email, Crowd.PASSWORD), "civilian sign-in");
        return civilian;
    }

    /**
     * Submits an application for a week from {@code entry}, holding a seat in each of the two slots (keys as the
     * form sends them, e.g. N-2026-12-01-1000); a 302 to the application when submitted.
     */
    static Answer apply(WebClient civilian, byte[] photo, int n, LocalDate entry, String northboundSlot,
            String southboundSlot) {
        civilian.open("/applications/new");
        Map<String, String> form = new LinkedHashMap<>();
        form.put("nameKorean", "김" + toHangul(n));
        form.put("nameLatin", "KIM SIHEOM " + toLetters(n));
        form.put("dateOfBirth", "1980-05-17");
        form.put("nationality", "KOR");
        form.put("idDocumentType", "PASSPORT");
        form.put("idNumber", "M" + (10_000_000 + n));
        form.put("phone", "010-2345-6789");
        form.put("organisation", "신뢰성 시험단");
        form.put("purpose", "TALKS");
        form.put("purposeDetail", "연락사무소 실무 협의 (신뢰성 시험)");
        form.put("entryDate", entry.toString());
        form.put("returnDate", entry.plusDays(7).toString());
        // Spread over the day's slots each way (40 seats each) so that many passes fit.
        form.put("northboundSlot", northboundSlot);
        form.put("southboundSlot", southboundSlot);
        form.put("action", "submit");
        return civilian.postMultipart("/applications/new", form, "photo", "photo.jpg", "image/jpeg", photo);
    }

    private static void decide(WebClient officer, String applicationId, String action, Map<String, String> extra) {
        Answer page = officer.open("/review/applications/" + applicationId);
        Matcher version = VERSION.matcher(page.body());
        check(page.status() == 200 && version.find(), "review page of application " + applicationId);
        Map<String, String> fields = new LinkedHashMap<>(extra);
        fields.put("version", version.group(1));
        Answer answer = officer.postForm("/review/applications/" + applicationId + "/" + action, fields);
        check(answer.status() == 302, action + " of application " + applicationId + ": " + answer.status());
    }

    private static String decodeQr(WebClient civilian, String path) {
        HttpClient http = HttpClient.newHttpClient();
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(civilian.baseUrl() + path))
                    .header("Cookie", "KCSESSION=" + civilian.cookie("KCSESSION").orElseThrow()).GET().build();
            byte[] png = http.send(request, HttpResponse.BodyHandlers.ofByteArray()).body();
            return QrScan.read(TestImages.read(png));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String toHangul(int n) {
        String syllables = "가나다라마바사아자차카타파하";
        StringBuilder name = new StringBuilder("시");
        int value = n;
        do {
            name.append(syllables.charAt(value % syllables.length()));
            value /= syllables.length();
        } while (value > 0);
        return name.toString();
    }

    private static String toLetters(int n) {
        StringBuilder letters = new StringBuilder();
        int value = n;
        do {
            letters.append((char) ('A' + value % 26));
            value /= 26;
        } while (value > 0);
        return letters.toString();
    }

    private static void check(boolean condition, String what) {
        if (!condition) {
            throw new IllegalStateException("test set-up failed: " + what);
        }
    }

    /** The field errors on a page sent back, or its beginning. */
    private static String excerpt(String body) {
        Matcher errors = Pattern.compile("class=\"form-hint-invalid\"[^>]*>([^<]*)<").matcher(body);
        StringBuilder found = new StringBuilder();
        while (errors.find()) {
            found.append('[').append(errors.group(1).strip()).append("] ");
        }
        if (!found.isEmpty()) {
            return found.toString();
        }
        String flat = body.replaceAll("\\s+", " ");
        return flat.length() > 300 ? flat.substring(0, 300) : flat;
    }
}
