package kr.kaesongcrossing.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Stream;
import javax.sql.DataSource;
import kr.kaesongcrossing.WebClient;
import kr.kaesongcrossing.WebClient.Answer;
import kr.kaesongcrossing.account.Role;
import kr.kaesongcrossing.account.TestAccounts;
import kr.kaesongcrossing.reliability.HostileCorpus.Body;
import kr.kaesongcrossing.reliability.HostileCorpus.Upload;
import kr.kaesongcrossing.reliability.HostileCorpus.Value;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.BeanUtils;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.DefaultParameterNameDiscoverer;
import org.springframework.core.MethodParameter;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.validation.Errors;
import org.springframework.web.bind.annotation.CookieValue;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.SessionAttribute;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Sends the hostile corpus ({@link HostileCorpus}) to every form and API the app has, found from its request
 * mappings (so new modules are covered without editing this test), as the role allowed there: every answer is a
 * 4xx with a message or a normal page, never a 5xx, never a stack trace, never an unescaped script; and a refused
 * request (4xx, any GET, a form sent back with field errors) leaves every table's row count as it was.
 */
@Tag("slow")
@Tag("hostile-input")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@DirtiesContext // hostile sign-in attempts may leave the address throttled: no other test class inherits that
class HostileInputTests {

    private static final Duration SLOW = Duration.ofSeconds(10);
    private static final List<String> ROLES = List.of("CIVILIAN", "OFFICER", "CHECKPOINT", "ADMIN");
    /** Where a refused scan is still written to the crossing log, by the checkpoint rules. */
    private static final Set<String> REFUSALS_ARE_LOGGED = Set.of("/checkpoint", "/checkpoint/scan",
            "/api/v1/scans");
    private static final Set<String> SKIPPED = Set.of("/logout");
    /** Where the whole corpus goes to the page language ({@code lang}); see {@link #readsNothing}. */
    private static final String LANGUAGE_TARGET = "GET /";
    private static final int SINGLE_FIELD_BUDGET = 40;
    /** Uploads that test multipart parsing itself, sent to forms that take no file. */
    private static final Set<String> PARSER_UPLOADS = Set.of("oversized-7mb", "zip-bomb", "nul-filename",
            "long-filename", "traversal-filename");

    @LocalServerPort
    int port;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    @Autowired
    DataSource dataSource;

    @Autowired
    TestAccounts accounts;

    private final Map<String, WebClient> sessions = new LinkedHashMap<>();
    private final Map<String, String> emails = new LinkedHashMap<>();
    private DatabaseSnapshot snapshot;
    /**
     * The row counts taken after the last refusal, while no request has been made since: the next refusal's
     * "before". Forgotten by anything else that sends a request (a probe, signing in again, a new test).
     */
    private Map<String, Long> settled;
    private int requests;

    /** A form or API endpoint and what it reads. */
    record Target(RequestMethod method, String path, List<String> pathVariables, List<String> params,
            List<String> fileFields, List<String> jsonFields, boolean json, boolean binary) {

        String label() {
            return method + " " + path;
        }
    }

    @BeforeAll
    void signInEveryRole() {
        snapshot = new DatabaseSnapshot(dataSource);
        for (String role : ROLES) {
            WebClient client = WebClient.forPort(port);
            String email = accounts.create(Role.valueOf(role)).email();
            assertThat(client.login(email, TestAccounts.PASSWORD)).as("signing in as %s", role).isTrue();
            sessions.put(role, client);
            emails.put(role, email);
        }
    }

    @AfterAll
    void report() {
        System.out.printf("HostileInputTests: %d requests, %d endpoints, tables watched: %s%n", requests,
                targets().size(), snapshot.tables());
    }

    @TestFactory
    Stream<DynamicTest> shouldRefuseHostileInputOnEveryEndpoint() {
        List<DynamicTest> tests = new ArrayList<>();
        assertThat(targets()).extracting(Target::label).as("the page language meets the whole corpus there")
                .contains(LANGUAGE_TARGET);
        for (Target target : targets()) {
            tests.add(DynamicTest.dynamicTest(target.label(), () -> attack(target)));
        }
        tests.add(DynamicTest.dynamicTest("raw requests (invalid bytes, traversal, oversized)", this::attackRaw));
        tests.add(DynamicTest.dynamicTest("invalid UTF-8 in form bodies", this::attackInvalidUtf8Forms));
        tests.add(DynamicTest.dynamicTest("uploads to every form", this::attackUploads));
        tests.add(DynamicTest.dynamicTest("anonymous", this::attackAnonymously));
        tests.add(DynamicTest.dynamicTest("POST /login", this::attackLogin));
        return tests.stream().map(test -> DynamicTest.dynamicTest(test.getDisplayName(), () -> {
            settled = null;
            test.getExecutable().execute();
        }));
    }

    // ---- endpoints ----

    List<Target> targets() {
        Map<String, Target> found = new java.util.TreeMap<>();
        for (Map.Entry<RequestMappingInfo, HandlerMethod> entry : mappings.getHandlerMethods().entrySet()) {
            HandlerMethod handler = entry.getValue();
            if (!handler.getBeanType().getPackageName().startsWith("kr.kaesongcrossing")) {
                continue;
            }
            RequestMappingInfo info = entry.getKey();
            Set<RequestMethod> methods = info.getMethodsCondition().getMethods().isEmpty()
                    ? Set.of(RequestMethod.GET, RequestMethod.POST) : info.getMethodsCondition().getMethods();
            boolean consumesJson = info.getConsumesCondition().getConsumableMediaTypes().stream()
                    .anyMatch(type -> type.isCompatibleWith(MediaType.APPLICATION_JSON));
            var produces = info.getProducesCondition().getProducibleMediaTypes();
            boolean binary = !produces.isEmpty() && produces.stream().allMatch(type -> type.getType().equals("image")
                    || type.equals(MediaType.APPLICATION_PDF) || type.equals(MediaType.APPLICATION_OCTET_STREAM));
            if (produces.contains(MediaType.TEXT_EVENT_STREAM)) {
                continue; // a stream (live numbers) takes no input but the session, and its answer never ends
            }
            for (String pattern : info.getPatternValues()) {
                if (SKIPPED.contains(pattern)) {
                    continue;
                }
                for (RequestMethod method : methods) {
                    Target target = describe(method, pattern, handler, consumesJson, binary);
                    found.putIfAbsent(target.label(), target);
                }
            }
        }
        return List.copyOf(found.values());
    }

    private static Target describe(RequestMethod method, String pattern, HandlerMethod handler, boolean json,
            boolean binary) {
        List<String> pathVariables = new ArrayList<>();
        Set<String> params = new LinkedHashSet<>();
        List<String> files = new ArrayList<>();
        List<String> jsonFields = new ArrayList<>();
        boolean jsonBody = json;
        DefaultParameterNameDiscoverer names = new DefaultParameterNameDiscoverer();
        for (MethodParameter parameter : handler.getMethodParameters()) {
            parameter.initParameterNameDiscovery(names);
            Class<?> type = parameter.getParameterType();
            String name = parameter.getParameterName();
            if (parameter.hasParameterAnnotation(PathVariable.class)) {
                PathVariable annotation = parameter.getParameterAnnotation(PathVariable.class);
                pathVariables.add(!annotation.name().isEmpty() ? annotation.name() : name);
            } else if (parameter.hasParameterAnnotation(RequestParam.class)
                    || parameter.hasParameterAnnotation(RequestPart.class)) {
                String given = parameter.hasParameterAnnotation(RequestParam.class)
                        ? parameter.getParameterAnnotation(RequestParam.class).name()
                        : parameter.getParameterAnnotation(RequestPart.class).name();
                String field = given.isEmpty() ? name : given;
                if (isFile(parameter)) {
                    files.add(field);
                } else if (field != null && !Map.class.isAssignableFrom(type)) {
                    params.add(field);
                }
            } else if (parameter.hasParameterAnnotation(RequestBody.class)) {
                jsonBody = true;
                jsonFields.addAll(fieldsOf(type));
            } else if (isInfrastructure(parameter)) {
                continue;
            } else if (Pageable.class.isAssignableFrom(type)) {
                params.addAll(List.of("page", "size", "sort"));
            } else if (isFile(parameter)) {
                files.add(name);
            } else if (BeanUtils.isSimpleProperty(type)) {
                params.add(name);
            } else {
                params.addAll(fieldsOf(type));
            }
        }
        String path = pattern.replaceAll("\\{([^}:]+):[^}]*}", "{$1}");
        return new Target(method, path, pathVariables, List.copyOf(params), files, jsonFields, jsonBody, binary);
    }

    private static boolean isFile(MethodParameter parameter) {
        Class<?> type = parameter.getParameterType();
        return MultipartFile.class.isAssignableFrom(type) || (Collection.class.isAssignableFrom(type)
                && parameter.getGenericParameterType().getTypeName().contains("MultipartFile"))
                || (type.isArray() && MultipartFile.class.isAssignableFrom(type.getComponentType()));
    }

    private static boolean isInfrastructure(MethodParameter parameter) {
        Class<?> type = parameter.getParameterType();
        return parameter.hasParameterAnnotation(AuthenticationPrincipal.class)
                || parameter.hasParameterAnnotation(RequestHeader.class)
                || parameter.hasParameterAnnotation(CookieValue.class)
                || parameter.hasParameterAnnotation(RequestAttribute.class)
                || parameter.hasParameterAnnotation(SessionAttribute.class)
                || parameter.hasParameterAnnotation(org.springframework.beans.factory.annotation.Value.class)
                || Errors.class.isAssignableFrom(type) || Sort.class.isAssignableFrom(type)
                || org.springframework.ui.Model.class.isAssignableFrom(type)
                || Map.class.isAssignableFrom(type)
                || org.springframework.web.servlet.mvc.support.RedirectAttributes.class.isAssignableFrom(type)
                || org.springframework.web.bind.support.SessionStatus.class.isAssignableFrom(type)
                || org.springframework.web.util.UriComponentsBuilder.class.isAssignableFrom(type)
                || org.springframework.web.context.request.WebRequest.class.isAssignableFrom(type)
                || org.springframework.http.HttpEntity.class.isAssignableFrom(type)
                || org.springframework.security.core.Authentication.class.isAssignableFrom(type)
                || org.springframework.security.core.userdetails.UserDetails.class.isAssignableFrom(type)
                || java.security.Principal.class.isAssignableFrom(type)
                || type.getName().startsWith("jakarta.servlet.") || type.getName().startsWith("java.io.")
                || type == Locale.class || type == java.util.TimeZone.class || type == java.time.ZoneId.class
                || type == org.springframework.http.HttpMethod.class;
    }

    private static List<String> fieldsOf(Class<?> type) {
        List<String> fields = new ArrayList<>();
        if (type.isRecord()) {
            for (var component : type.getRecordComponents()) {
                fields.add(component.getName());
            }
            return fields;
        }
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            for (Field field : c.getDeclaredFields()) {
                if (!Modifier.isStatic(field.getModifiers()) && !field.isSynthetic()) {
                    fields.add(field.getName());
                }
            }
        }
        return fields;
    }

    // ---- attacks ----

    private void attack(Target target) {
        WebClient client = clientFor(target);
        List<String> failures = new ArrayList<>();
        for (Value value : readsNothing(target) && !target.label().equals(LANGUAGE_TARGET)
                ? HostileCorpus.core() : HostileCorpus.values()) {
            send(failures, target, value.name(), client, () -> request(client, target, value.text(), null));
        }
        if (target.method() == RequestMethod.POST && target.params().size() > 1) {
            // one field hostile, the others valid; at most about 40 requests per form (each field still meets at least 3 values)
            List<Value> core = HostileCorpus.core();
            List<Value> values = core.subList(0, Math.min(core.size(),
                    Math.max(3, SINGLE_FIELD_BUDGET / target.params().size())));
            for (String field : target.params()) {
                for (Value value : values) {
                    send(failures, target, field + "=" + value.name(), client,
                            () -> request(client, target, value.text(), field));
                }
            }
        }
        if (target.json()) {
            List<String> fields = target.jsonFields().isEmpty()
                    ? List.of("scanId", "token", "direction", "gate", "lane", "scannedAt") : target.jsonFields();
            List<Body> bodies = new ArrayList<>(HostileCorpus.jsonBodies());
            bodies.addAll(HostileCorpus.wronglyTypedJson(fields));
            for (Body body : bodies) {
                send(failures, target, "json " + body.name(), client, () -> client.postRaw(
                        fillPath(target, "0"), body.contentType(), body.bytes(), Map.of("Accept", "application/json")));
            }
        }
        if (!target.fileFields().isEmpty()) {
            for (Upload upload : HostileCorpus.uploads()) {
                send(failures, target, "upload " + upload.name(), client, () -> client.postMultipart(
                        fillPath(target, "0"), validFields(target.params()), target.fileFields().get(0),
                        upload.fileName(), upload.contentType(), upload.bytes()));
            }
        }
        keepSignedIn();
        assertThat(failures).as("hostile input to %s (as %s)", target.label(), roleOf(client)).isEmpty();
    }

    /**
     * An endpoint that reads nothing from the request meets the hostile text only as the page language (and an
     * ignored {@code q}), the same code everywhere: it gets the short corpus, and {@link #LANGUAGE_TARGET} the whole.
     */
    private static boolean readsNothing(Target target) {
        return target.params().isEmpty() && target.pathVariables().isEmpty() && !target.json()
                && target.fileFields().isEmpty();
    }

    private Answer request(WebClient client, Target target, String hostile, String onlyField) {
        String path = fillPath(target, hostile);
        Map<String, String> fields = new LinkedHashMap<>();
        List<String> names = target.params().isEmpty() ? List.of("q", "lang") : target.params();
        for (String name : names) {
            fields.put(name, onlyField == null || onlyField.equals(name) ? hostile : validValue(name));
        }
        if (target.method() == RequestMethod.GET || target.method() == RequestMethod.HEAD) {
            return client.get(path + "?" + WebClient.formEncode(fields));
        }
        if (target.json()) {
            StringBuilder json = new StringBuilder("{");
            fields.forEach((name, value) -> json.append(json.length() > 1 ? "," : "").append('"').append(name)
                    .append("\":\"").append(jsonEscape(value)).append('"'));
            return client.postJson(path, json.append('}').toString(), Map.of("Accept", "application/json"));
        }
        if (!target.fileFields().isEmpty()) {
            return client.postMultipart(path, fields, target.fileFields().get(0), "photo.jpg", "image/jpeg",
                    HostileCorpus.smallJpeg());
        }
        return client.postForm(path, fields);
    }

    private void attackRaw() {
        WebClient client = sessions.get("CIVILIAN");
        String session = client.cookie("KCSESSION").orElse("");
        String bigHeader = "h".repeat(100_000);
        Map<String, byte[]> raw = new LinkedHashMap<>();
        raw.put("invalid UTF-8 bytes in query", request("GET /login?lang=\u00C3\u0028\u00FF HTTP/1.1", ""));
        raw.put("invalid percent-encoded UTF-8", request("GET /login?lang=%C3%28%FF%FE HTTP/1.1", ""));
        raw.put("overlong UTF-8 dot-dot", request("GET /%C0%AE%C0%AE/%C0%AE%C0%AE/etc/passwd HTTP/1.1", ""));
        raw.put("bad percent encoding", request("GET /login?lang=%zz%4 HTTP/1.1", ""));
        raw.put("encoded traversal", request("GET /%2e%2e/%2e%2e/etc/passwd HTTP/1.1", ""));
        raw.put("static traversal", request("GET /css/..%2f..%2fapplication.properties HTTP/1.1", ""));
        raw.put("static traversal 2", request("GET /krds/%2e%2e/%2e%2e/application.properties HTTP/1.1", ""));
        raw.put("static traversal 3", request("GET /css/..%5c..%5capplication.properties HTTP/1.1", ""));
        raw.put("semicolon traversal", request("GET /css/..;/..;/application.properties HTTP/1.1", ""));
        raw.put("double-encoded traversal", request("GET /css/%252e%252e/%252e%252e/application.properties HTTP/1.1",
                ""));
        raw.put("META-INF", request("GET /META-INF/MANIFEST.MF HTTP/1.1", ""));
        raw.put("classpath properties", request("GET /application.properties HTTP/1.1", ""));
        raw.put("encoded NUL in path", request("GET /login%00.html HTTP/1.1", ""));
        raw.put("NUL in query", request("GET /login?lang=%00 HTTP/1.1", ""));
        raw.put("control char in path", request("GET /login\u0001 HTTP/1.1", ""));
        raw.put("long URL", request("GET /" + "a".repeat(20_000) + " HTTP/1.1", ""));
        raw.put("huge header", request("GET /login HTTP/1.1", "X-Big: " + bigHeader + "\r\n"));
        raw.put("many headers", request("GET /login HTTP/1.1", "X-H: 1\r\n".repeat(2_000)));
        raw.put("unknown method", request("KCATTACK /login HTTP/1.1", ""));
        raw.put("TRACE", request("TRACE /login HTTP/1.1", ""));
        raw.put("request smuggling CL+TE", request("POST /register HTTP/1.1",
                "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: 4\r\n"
                        + "Transfer-Encoding: chunked\r\n", "0\r\n\r\nGET /admin/users HTTP/1.1\r\n\r\n"));
        raw.put("hostile session cookie", request("GET / HTTP/1.1", "Cookie: KCSESSION=' OR '1'='1\r\n"));
        raw.put("base64 SQL session cookie", request("GET / HTTP/1.1", "Cookie: KCSESSION="
                + java.util.Base64.getEncoder().encodeToString("' OR 1=1 -- ".getBytes(StandardCharsets.UTF_8))
                + "\r\n"));
        raw.put("huge session cookie", request("GET / HTTP/1.1", "Cookie: KCSESSION=" + "A".repeat(6_000) + "\r\n"));
        raw.put("hostile language cookie", request("GET /login HTTP/1.1",
                "Cookie: KCLANG=../../etc/passwd%00<script>\r\n"));
        raw.put("hostile Accept-Language", request("GET /login HTTP/1.1",
                "Accept-Language: zz-" + "x".repeat(500) + ";q=NaN, *;q=-1\r\n"));
        raw.put("hostile Accept", request("GET /login HTTP/1.1", "Accept: */*;q=NaN, text/<script>\r\n"));
        raw.put("hostile Host", request("GET /login HTTP/1.1\r\nHost: evil.example", ""));
        raw.put("session with CRLF in query", request("GET /?lang=en%0d%0aSet-Cookie:%20kc=1 HTTP/1.1",
                "Cookie: KCSESSION=" + session + "\r\n"));
        raw.put("HTTP/0.9 style", "GET /login\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
        raw.put("garbage", new byte[] {0x16, 0x03, 0x01, 0x00, (byte) 0xA5, 0x01, 0x00, 0x00, (byte) 0xA1, 0x03});
        List<String> failures = new ArrayList<>();
        Target target = new Target(RequestMethod.GET, "raw", List.of(), List.of(), List.of(), List.of(), false,
                false);
        raw.forEach((name, bytes) -> send(failures, target, name, client, () -> client.raw(bytes)));
        // Not HTTP at all: closing the connection without an answer is the right response.
        failures.removeIf(failure -> failure.startsWith("HTTP/0.9 style -> -1 ") || failure.startsWith("garbage -> -1 "));
        assertThat(failures).as("raw hostile requests").isEmpty();
    }

    private void attackInvalidUtf8Forms() {
        List<String> failures = new ArrayList<>();
        for (Target target : targets()) {
            if (target.method() != RequestMethod.POST || target.json() || !target.fileFields().isEmpty()) {
                continue;
            }
            WebClient client = clientFor(target);
            List<String> names = target.params().isEmpty() ? List.of("q") : target.params();
            StringBuilder body = new StringBuilder("_csrf=" + WebClient.encode(client.csrfToken()));
            names.forEach(name -> body.append('&').append(name).append("=%C3%28%FF%FE%ED%A0%80"));
            byte[] percent = body.toString().getBytes(StandardCharsets.ISO_8859_1);
            byte[] raw = (body.toString().replace("%C3%28%FF%FE%ED%A0%80", "\u00C3\u0028\u00FF\u00FE"))
                    .getBytes(StandardCharsets.ISO_8859_1);
            String path = fillPath(target, "0");
            send(failures, target, "percent-encoded invalid UTF-8", client, () -> client.postRaw(path,
                    "application/x-www-form-urlencoded; charset=UTF-8", percent));
            send(failures, target, "raw invalid UTF-8", client, () -> client.postRaw(path,
                    "application/x-www-form-urlencoded; charset=UTF-8", raw));
            send(failures, target, "unknown charset", client, () -> client.postRaw(path,
                    "application/x-www-form-urlencoded; charset=KC-NO-SUCH-CHARSET", percent));
        }
        keepSignedIn();
        assertThat(failures).as("invalid UTF-8 in form bodies").isEmpty();
    }

    private void attackUploads() {
        List<String> failures = new ArrayList<>();
        for (Target target : targets()) {
            if (target.method() != RequestMethod.POST || target.json() || !target.fileFields().isEmpty()) {
                continue; // endpoints that take files get every upload in attack(target)
            }
            WebClient client = clientFor(target);
            for (Upload upload : HostileCorpus.uploads()) {
                if (!PARSER_UPLOADS.contains(upload.name())) {
                    continue;
                }
                send(failures, target, "upload " + upload.name(), client, () -> client.postMultipart(
                        fillPath(target, "0"), validFields(target.params()), "photo", upload.fileName(),
                        upload.contentType(), upload.bytes()));
            }
        }
        keepSignedIn();
        assertThat(failures).as("uploads to forms that take none").isEmpty();
    }

    private void attackAnonymously() {
        List<String> failures = new ArrayList<>();
        WebClient anonymous = WebClient.forPort(port);
        anonymous.open("/login");
        for (Target target : targets()) {
            for (Value value : HostileCorpus.core().subList(0, 4)) {
                send(failures, target, "anonymous " + value.name(), anonymous,
                        () -> request(anonymous, target, value.text(), null));
            }
        }
        assertThat(failures).as("hostile input from a visitor who is not signed in").isEmpty();
    }

    private void attackLogin() {
        List<String> failures = new ArrayList<>();
        WebClient visitor = WebClient.forPort(port);
        visitor.open("/login");
        Target target = new Target(RequestMethod.POST, "/login", List.of(), List.of("username", "password"),
                List.of(), List.of(), false, false);
        for (Value value : HostileCorpus.core().subList(0, 8)) {
            send(failures, target, value.name(), visitor,
                    () -> visitor.postForm("/login", Map.of("username", value.text(), "password", value.text())));
        }
        assertThat(failures).as("hostile sign-in attempts").isEmpty();
        assertThat(visitor.get("/").isRedirectTo("/login")).as("no hostile sign-in got through").isTrue();
    }

    // ---- one request and its checks ----

    private void send(List<String> failures, Target target, String what, WebClient client,
            Supplier<Answer> request) {
        Map<String, Long> before = settled != null ? settled : snapshot.counts();
        settled = null;
        Answer answer;
        try {
            answer = request.get();
        } catch (RuntimeException e) {
            failures.add(what + ": no answer (" + causes(e) + ")");
            return;
        }
        requests++;
        String label = what + " -> " + answer.status();
        if (answer.status() >= 500 || answer.status() < 100) {
            failures.add(label + " (server error)" + excerpt(answer));
        }
        if (answer.status() >= 400 && answer.body().isBlank() && !target.binary()) { // an image has no error text
            failures.add(label + ": refused without a message");
        }
        String body = answer.body();
        if (body.contains("Exception") || body.contains("\tat ") || body.contains(".java:")
                || body.contains("org.springframework") || body.contains("org.hibernate")
                || body.contains("SQLState") || body.contains("Whitelabel")) {
            failures.add(label + ": internals shown" + excerpt(answer));
        }
        if (answer.contentType().contains("html") && (body.contains("<script>alert('" + HostileCorpus.XSS_MARKER)
                || body.contains("onerror=alert('" + HostileCorpus.XSS_MARKER)
                || body.contains("<svg/onload=alert('" + HostileCorpus.XSS_MARKER))) {
            failures.add(label + ": script reflected without escaping");
        }
        if (body.contains("root:x:0:0") || body.contains("spring.datasource") || body.contains("[fonts]")
                || body.contains("Main-Class:")) {
            failures.add(label + ": file contents leaked");
        }
        if (answer.headers().keySet().stream().anyMatch(name -> name.equalsIgnoreCase("X-Injected"))
                || answer.headers().entrySet().stream().anyMatch(header -> header.getKey().equalsIgnoreCase(
                "Set-Cookie") && header.getValue().stream().anyMatch(cookie -> cookie.startsWith("kc")))) {
            failures.add(label + ": header injected");
        }
        if (answer.took().compareTo(SLOW) > 0) {
            failures.add(label + ": took " + answer.took().toMillis() + " ms");
        }
        boolean refused = answer.status() >= 400 || target.method() == RequestMethod.GET
                || (answer.status() == 200 && body.contains("form-hint-invalid"))
                || answer.location().contains("error");
        if (refused && !REFUSALS_ARE_LOGGED.contains(target.path())) {
            Map<String, Long> after = snapshot.counts();
            if (!after.equals(before)) {
                failures.add(label + ": refused but the database changed " + before + " -> " + after);
            }
            settled = after;
        }
    }

    /** The whole cause chain, so a dropped connection says how (reset, closed, timed out). */
    private static String causes(Throwable e) {
        StringBuilder text = new StringBuilder();
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            text.append(text.isEmpty() ? "" : " <- ").append(cause.getClass().getSimpleName()).append(": ")
                    .append(cause.getMessage());
        }
        return text.toString();
    }

    private static String excerpt(Answer answer) {
        String body = answer.body().replaceAll("\\s+", " ");
        return " [" + (body.length() > 300 ? body.substring(0, 300) + "..." : body) + "]";
    }

    // ---- helpers ----

    private WebClient clientFor(Target target) {
        settled = null; // the probes are requests
        for (String role : ROLES) {
            WebClient client = sessions.get(role);
            Answer probe = request(client, target, "probe", "__none__");
            boolean denied = probe.status() == 401 || probe.status() == 403 || probe.isRedirectTo("/login");
            if (!denied) {
                return client;
            }
        }
        return sessions.get("CIVILIAN");
    }

    private String roleOf(WebClient client) {
        return sessions.entrySet().stream().filter(e -> e.getValue() == client).map(Map.Entry::getKey)
                .findFirst().orElse("anonymous");
    }

    /** Hostile requests may sign a test account out (a logout form, a disabled account): sign in again. */
    private void keepSignedIn() {
        settled = null;
        for (String role : ROLES) {
            WebClient client = sessions.get(role);
            if (client.get("/").status() != 200) {
                accounts.grant(emails.get(role), Role.valueOf(role));
                client.clearCookies();
                assertThat(client.login(emails.get(role), TestAccounts.PASSWORD)).as("signing in again as %s", role).isTrue();
            } else {
                client.open("/");
            }
        }
    }

    private static String fillPath(Target target, String value) {
        String path = target.path();
        String segment = WebClient.encode(value).replace("+", "%20");
        for (String variable : target.pathVariables()) {
            path = path.replace("{" + variable + "}", segment);
        }
        return path.replaceAll("\\{[^}]+}", segment);
    }

    private static Map<String, String> validFields(List<String> names) {
        Map<String, String> fields = new LinkedHashMap<>();
        names.forEach(name -> fields.put(name, validValue(name)));
        return fields;
    }

    /** A plausible value for a field, so that one hostile field is judged on its own. */
    static String validValue(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        if (n.contains("email") || n.equals("username")) {
            return "probe-" + UUID.randomUUID() + "@test.example";
        }
        if (n.contains("password")) {
            return "a perfectly fine passphrase 42";
        }
        if (n.equals("lang") || n.contains("language")) {
            return "ko";
        }
        if (n.equals("page")) {
            return "0";
        }
        if (n.equals("size")) {
            return "20";
        }
        if (n.equals("direction")) {
            return "NORTHBOUND";
        }
        if (n.equals("gate")) {
            return "KAESONG";
        }
        if (n.contains("date") || n.equals("from") || n.equals("to") || n.endsWith("on")) {
            return "2026-06-01";
        }
        if (n.endsWith("id")) {
            return "0";
        }
        if (n.contains("name")) {
            return "홍길동";
        }
        return "test";
    }

    private static String jsonEscape(String value) {
        StringBuilder out = new StringBuilder();
        for (char c : value.toCharArray()) {
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c < 0x20) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    private byte[] request(String requestLine, String headers) {
        return request(requestLine, headers, "");
    }

    private byte[] request(String requestLine, String headers, String body) {
        String host = requestLine.contains("\r\nHost:") ? "" : "Host: 127.0.0.1:" + port + "\r\n";
        return (requestLine + "\r\n" + host + headers + "Connection: close\r\n\r\n" + body)
                .getBytes(StandardCharsets.ISO_8859_1);
    }

    @SuppressWarnings("unused")
    private static Set<String> sorted(Collection<String> values) {
        return new TreeSet<>(values);
    }
}
