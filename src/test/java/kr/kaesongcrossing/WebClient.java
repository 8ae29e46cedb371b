package kr.kaesongcrossing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.HttpCookie;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import kr.kaesongcrossing.account.AuthenticatorApp;

/**
 * A small browser for tests against a running app (in-JVM on a random port, or a separate process): a cookie jar,
 * no automatic redirects (tests see the 302s), CSRF tokens taken from the last page, and a raw socket for bytes
 * an HTTP library refuses to send (invalid UTF-8, control characters in the request line).
 */
public final class WebClient {

    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(20);
    /** Paths longer than this go over a plain socket ({@link #beyondWhatTheServerReads}). */
    private static final int SERVER_READS = 7 * 1024;
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"");
    private static final Pattern TOTP_SECRET = Pattern.compile("class=\"totp-secret\">([A-Z2-7 ]+)<");

    private final String baseUrl;
    private final CookieManager cookies;
    private final HttpClient http;
    private Duration timeout = DEFAULT_TIMEOUT;
    private String accept;
    private String csrfToken;

    public WebClient(String baseUrl) {
        this(baseUrl, new CookieManager(null, CookiePolicy.ACCEPT_ALL));
    }

    private WebClient(String baseUrl, CookieManager cookies) {
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        this.cookies = cookies;
        this.http = HttpClient.newBuilder()
                .cookieHandler(cookies)
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(5))
                .version(HttpClient.Version.HTTP_1_1)
                .build();
    }

    public static WebClient forPort(int port) {
        return new WebClient("http://127.0.0.1:" + port);
    }

    /** The same browser (cookies, CSRF token) talking to another instance of the app on this host. */
    public WebClient sameBrowserOn(int port) {
        WebClient other = new WebClient(baseUrl.replaceFirst(":\\d+$", ":" + port), cookies);
        other.csrfToken = csrfToken;
        other.timeout = timeout;
        other.accept = accept;
        return other;
    }

    public WebClient withTimeout(Duration timeout) {
        this.timeout = timeout;
        return this;
    }

    /**
     * Sends the {@code Accept} header a browser sends for pages with every request, so errors come back as the
     * error pages people see (without it Spring answers errors outside {@code /api/} with JSON).
     */
    public WebClient acceptingHtml() {
        this.accept = "text/html,application/xhtml+xml,*/*;q=0.8";
        return this;
    }

    public String baseUrl() {
        return baseUrl;
    }

    /** The answer to one request: status, headers, body as text, and the time it took. */
    public record Answer(int status, Map<String, List<String>> headers, String body, Duration took) {

        public Optional<String> header(String name) {
            return headers(name).stream().findFirst();
        }

        /** Every value of a header sent more than once, such as {@code Set-Cookie}. */
        public List<String> headers(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .flatMap(e -> e.getValue().stream()).toList();
        }

        public String location() {
            return header("Location").orElse("");
        }

        public String contentType() {
            return header("Content-Type").orElse("");
        }

        public boolean isRedirectTo(String pathPart) {
            return (status == 302 || status == 303) && location().contains(pathPart);
        }
    }

    public Answer get(String pathAndQuery) {
        return get(pathAndQuery, Map.of());
    }

    public Answer get(String pathAndQuery, Map<String, String> headers) {
        if (pathAndQuery.length() > SERVER_READS) {
            return beyondWhatTheServerReads("GET", pathAndQuery, headers, new byte[0]);
        }
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri(pathAndQuery)).GET();
        headers.forEach(builder::header);
        return send(builder);
    }

    /** Form POST with the current CSRF token added (unless the fields already carry one). */
    public Answer postForm(String path, Map<String, String> fields) {
        Map<String, String> all = new LinkedHashMap<>(fields);
        if (csrfToken != null) {
            all.putIfAbsent("_csrf", csrfToken);
        }
        return postRaw(path, "application/x-www-form-urlencoded; charset=UTF-8",
                formEncode(all).getBytes(StandardCharsets.US_ASCII));
    }

    public Answer postRaw(String path, String contentType, byte[] body) {
        return postRaw(path, contentType, body, Map.of());
    }

    public Answer postRaw(String path, String contentType, byte[] body, Map<String, String> headers) {
        if (path.length() > SERVER_READS) {
            Map<String, String> all = new LinkedHashMap<>(headers);
            all.put("Content-Type", contentType);
            if (csrfToken != null) {
                all.put("X-CSRF-TOKEN", csrfToken);
            }
            return beyondWhatTheServerReads("POST", path, all, body);
        }
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri(path))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).header("Content-Type", contentType);
        if (csrfToken != null) {
            builder.header("X-CSRF-TOKEN", csrfToken);
        }
        headers.forEach(builder::header);
        return send(builder);
    }

    public Answer postJson(String path, String json, Map<String, String> headers) {
        return postRaw(path, "application/json", json.getBytes(StandardCharsets.UTF_8), headers);
    }

    /** Multipart POST: text fields plus one file part. */
    public Answer postMultipart(String path, Map<String, String> fields, String fileField, String fileName,
            String fileContentType, byte[] fileBytes) {
        String boundary = "kc" + UUID.randomUUID().toString().replace("-", "");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Map<String, String> all = new LinkedHashMap<>(fields);
        if (csrfToken != null) {
            all.putIfAbsent("_csrf", csrfToken);
        }
        try {
            for (Map.Entry<String, String> field : all.entrySet()) {
                out.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field.getKey()
                        + "\"\r\n\r\n").getBytes(StandardCharsets.UTF_8));
                out.write(field.getValue().getBytes(StandardCharsets.UTF_8));
                out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
            }
            out.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + fileField
                    + "\"; filename=\"" + fileName + "\"\r\nContent-Type: " + fileContentType + "\r\n\r\n")
                    .getBytes(StandardCharsets.UTF_8));
            out.write(fileBytes);
            out.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII));
        } catch (IOException impossible) {
            throw new UncheckedIOException(impossible);
        }
        return postRaw(path, "multipart/form-data; boundary=" + boundary, out.toByteArray());
    }

    /** Loads a page that has a form and keeps its CSRF token for the next POSTs. */
    public Answer open(String pathWithForm) {
        Answer answer = get(pathWithForm);
        Matcher matcher = CSRF.matcher(answer.body());
        if (matcher.find()) {
            csrfToken = matcher.group(1);
        }
        return answer;
    }

    public String csrfToken() {
        return csrfToken;
    }

    public void useCsrfToken(String token) {
        csrfToken = token;
    }

    /**
     * Signs in through the login form, and for staff the second factor as a person with the authenticator app
     * would ({@link #secondFactor}); true when the app let the person in.
     */
    public boolean login(String email, String password) {
        Answer answer = postLogin(email, password);
        boolean success = (answer.status() == 302 || answer.status() == 303) && !answer.location().contains("error");
        if (success && open("/").isRedirectTo("/account/second-factor")) {
            success = secondFactor(email);
            open("/");
        }
        return success;
    }

    /** After {@link #postLogin}: gives the second factor when the app asks for it (staff); true when signed in. */
    public boolean secondFactorIfAsked(String email) {
        return !get("/").isRedirectTo("/account/second-factor") || secondFactor(email);
    }

    /**
     * The second step of a staff sign-in (after the password): enrols the app when the account has none yet
     * (reading the key off the page), otherwise sends a code computed here; true when the app accepted it.
     */
    public boolean secondFactor(String email) {
        Answer page = open("/account/second-factor");
        if (page.isRedirectTo("/account/second-factor/enrol")) {
            Matcher secret = TOTP_SECRET.matcher(open("/account/second-factor/enrol").body());
            if (!secret.find()) {
                return false;
            }
            AuthenticatorApp.enrolled(baseUrl, email, secret.group(1));
            Answer done = postForm("/account/second-factor/enrol",
                    Map.of("code", AuthenticatorApp.nextCode(baseUrl, email)));
            return done.status() == 200 && done.body().contains("recovery-codes");
        }
        Answer done = postForm("/account/second-factor", Map.of("code", AuthenticatorApp.nextCode(baseUrl, email)));
        return (done.status() == 302 || done.status() == 303) && !done.location().contains("/login")
                && !done.location().contains("/account/second-factor");
    }

    /**
     * Posts the login form with a token from a fresh login page and returns the answer as it is: a redirect to
     * where the app sends the user, or to {@code /login?error}. For tests about signing in itself.
     */
    public Answer postLogin(String email, String password) {
        open("/login");
        return postForm("/login", Map.of("username", email, "password", password));
    }

    /** Registers a civilian account; true when the app accepted it (redirect to the login page). */
    public boolean register(String email, String displayName, String password, String language) {
        open("/register");
        Answer answer = postForm("/register",
                Map.of("email", email, "displayName", displayName, "password", password, "language", language));
        return answer.isRedirectTo("/login");
    }

    public Optional<String> cookie(String name) {
        return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals(name))
                .map(HttpCookie::getValue).findFirst();
    }

    public void setCookie(String name, String value) {
        HttpCookie cookie = new HttpCookie(name, value);
        cookie.setPath("/");
        cookie.setVersion(0);
        cookies.getCookieStore().add(URI.create(baseUrl + "/"), cookie);
    }

    public void clearCookies() {
        cookies.getCookieStore().removeAll();
        csrfToken = null;
    }

    /**
     * A request line longer than the server reads (Tomcat takes 8 KB of headers) is answered 400 from its first
     * bytes, and the connection is closed without reading the rest. java.net.http then fails on the broken pipe
     * and loses that answer; a browser writes what the server takes and reads the answer, and so does this.
     */
    private Answer beyondWhatTheServerReads(String method, String pathAndQuery, Map<String, String> headers,
            byte[] body) {
        StringBuilder head = new StringBuilder(method + " " + pathAndQuery + " HTTP/1.1\r\nHost: "
                + URI.create(baseUrl).getAuthority() + "\r\nConnection: close\r\n");
        List<HttpCookie> sent = cookies.getCookieStore().get(URI.create(baseUrl + "/"));
        if (!sent.isEmpty()) {
            head.append("Cookie: ").append(String.join("; ", sent.stream()
                    .map(cookie -> cookie.getName() + "=" + cookie.getValue()).toList())).append("\r\n");
        }
        headers.forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
        head.append("Content-Length: ").append(body.length).append("\r\n\r\n");
        ByteArrayOutputStream request = new ByteArrayOutputStream();
        request.writeBytes(head.toString().getBytes(StandardCharsets.UTF_8));
        request.writeBytes(body);
        return raw(request.toByteArray());
    }

    /**
     * Sends bytes as they are and returns the status line's code and the rest of the answer as text. When the
     * server stops reading early (it answered from what it read), its answer is still read.
     */
    public Answer raw(byte[] request) {
        URI base = URI.create(baseUrl);
        long start = System.nanoTime();
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(base.getHost(), base.getPort()), 5000);
            socket.setSoTimeout((int) timeout.toMillis());
            OutputStream out = socket.getOutputStream();
            try {
                out.write(request);
                out.flush();
            } catch (IOException stoppedReading) {
                // the server answered and closed before taking all of it: its answer is what counts
            }
            InputStream in = socket.getInputStream();
            byte[] answer = in.readNBytes(4 * 1024 * 1024);
            String text = new String(answer, StandardCharsets.UTF_8);
            int status = text.startsWith("HTTP/1.1 ") && text.length() >= 12
                    ? Integer.parseInt(text.substring(9, 12)) : -1;
            int split = text.indexOf("\r\n\r\n");
            Map<String, List<String>> headers = new LinkedHashMap<>();
            String headerText = split < 0 ? text : text.substring(0, split);
            for (String line : headerText.split("\r\n")) {
                int colon = line.indexOf(':');
                if (colon > 0) {
                    headers.put(line.substring(0, colon).trim().toLowerCase(Locale.ROOT),
                            List.of(line.substring(colon + 1).trim()));
                }
            }
            return new Answer(status, headers, split < 0 ? "" : text.substring(split + 4),
                    Duration.ofNanos(System.nanoTime() - start));
        } catch (IOException e) {
            throw new UncheckedIOException("raw request to " + baseUrl + " failed", e);
        }
    }

    public static String formEncode(Map<String, String> fields) {
        StringBuilder out = new StringBuilder();
        fields.forEach((name, value) -> {
            if (!out.isEmpty()) {
                out.append('&');
            }
            out.append(URLEncoder.encode(name, StandardCharsets.UTF_8)).append('=')
                    .append(URLEncoder.encode(value, StandardCharsets.UTF_8));
        });
        return out.toString();
    }

    public static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private URI uri(String pathAndQuery) {
        return URI.create(baseUrl + pathAndQuery);
    }

    private Answer send(HttpRequest.Builder builder) {
        builder.timeout(timeout);
        if (accept != null && builder.build().headers().firstValue("Accept").isEmpty()) {
            builder.header("Accept", accept);
        }
        long start = System.nanoTime();
        try {
            HttpResponse<byte[]> response = http.send(builder.build(), HttpResponse.BodyHandlers.ofByteArray());
            return new Answer(response.statusCode(), response.headers().map(),
                    new String(response.body(), StandardCharsets.UTF_8), Duration.ofNanos(System.nanoTime() - start));
        } catch (IOException e) {
            throw new UncheckedIOException("request to " + baseUrl + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
