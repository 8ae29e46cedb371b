package kr.kaesongcrossing.e2e;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import kr.kaesongcrossing.account.AuthenticatorApp;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.openqa.selenium.virtualauthenticator.VirtualAuthenticatorOptions;

/**
 * One person's headless Chromium (a wiped session from {@link ChromiumPool}, own download folder) driving the app
 * the way a person does: opening addresses, typing, clicking, uploading files. {@link #snap(String)} records a key screen.
 */
public final class Browser {

    private static final Duration WAIT = Duration.ofSeconds(15);
    /** Selenium's default is 500 ms: a journey of a few hundred waits spent minutes asleep after the page was ready. */
    private static final Duration POLL = Duration.ofMillis(50);

    private final Journey journey;
    private final String actor;
    private final Viewport viewport;
    private final String baseUrl;
    private final Path downloads;
    private final ChromiumPool.Session session;
    private final ChromeDriver driver;

    Browser(Journey journey, String actor, Viewport viewport, String baseUrl, Path fakeCamera) {
        this.journey = journey;
        this.actor = actor;
        this.viewport = viewport;
        this.baseUrl = baseUrl;
        try {
            this.downloads = Path.of("target", "e2e-downloads", journey.name(), actor);
            if (Files.isDirectory(downloads)) {
                deleteQuietly(downloads);
            }
            Files.createDirectories(downloads);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        this.session = fakeCamera == null ? ChromiumPool.take() : ChromiumPool.withCamera(fakeCamera);
        this.driver = session.driver();
        try {
            session.prepare(viewport, downloads);
        } catch (RuntimeException e) {
            ChromiumPool.giveBack(session, false);
            throw e;
        }
    }

    public String actor() {
        return actor;
    }

    public Viewport viewport() {
        return viewport;
    }

    public ChromeDriver driver() {
        return driver;
    }

    /** Opens a path of the app, e.g. {@code /register}. */
    public Browser open(String path) {
        driver.get(baseUrl + path);
        return this;
    }

    /** The path (and query) of the current page. */
    public String path() {
        String url = driver.getCurrentUrl();
        return url.startsWith(baseUrl) ? url.substring(baseUrl.length()) : url;
    }

    public WebElement find(By by) {
        return waiting(WAIT).until(ExpectedConditions.presenceOfElementLocated(by));
    }

    public List<WebElement> findAll(By by) {
        return driver.findElements(by);
    }

    public boolean has(By by) {
        return !driver.findElements(by).isEmpty();
    }

    /** Replaces the content of a text field, as a person selecting all and typing does. */
    public Browser type(By field, String text) {
        WebElement element = find(field);
        element.clear();
        element.sendKeys(text);
        return this;
    }

    public Browser type(String fieldId, String text) {
        return type(By.id(fieldId), text);
    }

    /** Types a date into an {@code <input type="date">} as a person does (the browser runs in en-US: mm/dd/yyyy). */
    public Browser typeDate(String fieldId, java.time.LocalDate date) {
        WebElement field = find(By.id(fieldId));
        field.clear();
        field.sendKeys("%02d%02d%04d".formatted(date.getMonthValue(), date.getDayOfMonth(), date.getYear()));
        return this;
    }

    public Browser select(String fieldId, String value) {
        new org.openqa.selenium.support.ui.Select(find(By.id(fieldId))).selectByValue(value);
        return this;
    }

    /** Chooses a file in a file input. */
    public Browser upload(By fileInput, Path file) {
        find(fileInput).sendKeys(file.toAbsolutePath().toString());
        return this;
    }

    /**
     * Clicks as a person does. When the element follows a link or submits a form, waits until the browser shows the
     * document that answered it, so what is read next is never the page that was left.
     */
    public Browser click(By by) {
        WebElement element = clickable(by);
        if (Boolean.TRUE.equals(driver.executeScript(NAVIGATES, element))) {
            return navigating(element::click);
        }
        element.click();
        return this;
    }

    private WebElement clickable(By by) {
        WebElement element = waiting(WAIT).until(ExpectedConditions.elementToBeClickable(by));
        ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'});", element);
        return element;
    }

    /** Whether clicking the element loads a new document in this tab (a download or a new tab does not). */
    private static final String NAVIGATES = """
            const e = arguments[0];
            const link = e.closest('a[href]');
            if (link) {
              const href = link.getAttribute('href');
              return !link.hasAttribute('download') && !link.target && !href.startsWith('#')
                  && !href.startsWith('javascript:');
            }
            const button = e.closest('button, input[type=submit], input[type=image]');
            return !!(button && button.form && (button.type === 'submit' || button.type === 'image')
                && !button.form.target);
            """;

    /**
     * Runs something that makes the browser load another document (a click, Enter in a form, a submit) and waits
     * until that document has replaced the current one and finished loading. The old document is marked first:
     * its window object goes with it, so "no mark" means the new document is there.
     */
    public Browser navigating(Runnable action) {
        driver.executeScript("window.__kcLeaving = true;");
        action.run();
        waiting(WAIT).withMessage(() -> "a new page after leaving " + path())
                .until(d -> whileReplaced(() -> Boolean.TRUE.equals(((JavascriptExecutor) d).executeScript(
                        "return !window.__kcLeaving && document.readyState === 'complete';")), false));
        return this;
    }

    /** Clicks the button or link showing exactly this text (what a person reads on screen). */
    public Browser clickText(String text) {
        return click(By.xpath("//*[self::button or self::a or self::input[@type='submit']]"
                + "[normalize-space(.)=" + xpathLiteral(text) + " or @value=" + xpathLiteral(text) + "]"));
    }

    public String text(By by) {
        return find(by).getText();
    }

    private WebDriverWait waiting(Duration timeout) {
        return new WebDriverWait(driver, timeout, POLL);
    }

    /** Visible text of the whole page. */
    public String pageText() {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (true) {
            try {
                return driver.findElement(By.tagName("body")).getText();
            } catch (WebDriverException e) {
                if (!replaced(e) || System.nanoTime() > deadline) {
                    throw e;
                }
                // The page was replaced while reading it (a navigation finished): read the new one.
            }
        }
    }

    /**
     * Whether a failure only says that the document being read was replaced meanwhile (Chromium reports a node of
     * the old document as stale, or as not belonging to the document): "not yet", never an error of the app.
     */
    static boolean replaced(WebDriverException e) {
        if (e instanceof StaleElementReferenceException) {
            return true;
        }
        String message = String.valueOf(e.getMessage());
        return message.contains("does not belong to the document") || message.contains("Execution context was destroyed")
                || message.contains("Cannot find context with specified id") || message.contains("no such execution context");
    }

    /** A condition for a wait, read again (as {@code otherwise}) when the page was replaced while reading it. */
    private static <T> T whileReplaced(java.util.function.Supplier<T> read, T otherwise) {
        try {
            return read.get();
        } catch (WebDriverException e) {
            if (replaced(e)) {
                return otherwise;
            }
            throw e;
        }
    }

    public Browser waitForPath(String prefix) {
        waiting(WAIT).until(d -> path().startsWith(prefix));
        return this;
    }

    public Browser waitForText(String text) {
        waiting(WAIT).withMessage(() -> "text '" + text + "' on " + path() + ":\n" + pageText())
                .until(d -> whileReplaced(() -> pageText().contains(text), false));
        return this;
    }

    public <T> T waitUntil(java.util.function.Function<Browser, T> condition, String what) {
        return waiting(WAIT).withMessage(what).until(d -> whileReplaced(() -> condition.apply(this), null));
    }

    /** The {@code <html lang>} of the current page. */
    public String language() {
        return driver.findElement(By.tagName("html")).getDomAttribute("lang");
    }

    public Browser login(String email, String password) {
        open("/login");
        type("username", email);
        type("password", password);
        WebElement field = find(By.id("password"));
        navigating(field::submit);
        waiting(WAIT).until(d -> !path().startsWith("/login"));
        if (path().startsWith("/account/second-factor/enrol")) {
            AuthenticatorApp.enrolled(baseUrl, email, find(By.cssSelector(".totp-secret")).getText());
        }
        if (path().startsWith("/account/second-factor")) {
            type("code", AuthenticatorApp.nextCode(baseUrl, email));
            WebElement code = find(By.id("code"));
            navigating(code::submit);
            if (!driver.findElements(By.cssSelector(".recovery-codes")).isEmpty()) {
                click(By.cssSelector(".recovery-codes ~ p a"));
            }
        }
        return this;
    }

    /**
     * Gives this browser a passkey authenticator built into the device, as a laptop with a fingerprint reader has:
     * CTAP2, internal transport, passkeys kept on it (resident keys), the person verified at every use. The pool
     * quits this browser at the end instead of reusing it (its passkeys would outlive the person).
     */
    public Browser addPasskeyAuthenticator() {
        session.keepsPasskeys();
        driver.addVirtualAuthenticator(new VirtualAuthenticatorOptions()
                .setProtocol(VirtualAuthenticatorOptions.Protocol.CTAP2)
                .setTransport(VirtualAuthenticatorOptions.Transport.INTERNAL)
                .setHasResidentKey(true).setHasUserVerification(true).setIsUserVerified(true)
                .setIsUserConsenting(true));
        return this;
    }

    public Browser logout() {
        click(By.cssSelector("form.app-logout button[type=submit]"));
        waitForPath("/login");
        return this;
    }

    /** Records a key screen: screenshot, axe-core check and, on phone and tablet, no sideways scrolling. */
    public Browser snap(String step) {
        journey.record(this, step);
        return this;
    }

    /** Fetches a URL of the app inside this browser's session (its cookies), as the page itself would. */
    public Download fetch(String path) {
        @SuppressWarnings("unchecked")
        Map<String, Object> result = (Map<String, Object>) driver.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                fetch(arguments[0], {credentials: 'same-origin'}).then(async r => {
                  const bytes = new Uint8Array(await r.arrayBuffer());
                  let binary = '';
                  for (let i = 0; i < bytes.length; i += 8192) {
                    binary += String.fromCharCode.apply(null, bytes.subarray(i, i + 8192));
                  }
                  done({status: r.status, type: r.headers.get('content-type') || '',
                        disposition: r.headers.get('content-disposition') || '', body: btoa(binary)});
                }).catch(e => done({status: -1, type: '', disposition: String(e), body: ''}));
                """, path);
        return new Download(((Number) result.get("status")).intValue(), (String) result.get("type"),
                (String) result.get("disposition"), Base64.getDecoder().decode((String) result.get("body")));
    }

    /** What a fetch in the page returned. */
    public record Download(int status, String contentType, String contentDisposition, byte[] body) {
    }

    /** Clicks a download link and waits for the file to land in this browser's download folder. */
    public Path download(By link) {
        List<Path> before = downloadedFiles();
        clickable(link).click();
        return waiting(Duration.ofSeconds(90)).withMessage("a finished download in " + downloads)
                .until(d -> downloadedFiles().stream().filter(f -> !before.contains(f))
                        .filter(f -> !f.getFileName().toString().endsWith(".crdownload"))
                        .filter(f -> f.toFile().length() > 0).findFirst().orElse(null));
    }

    private List<Path> downloadedFiles() {
        try (Stream<Path> files = Files.list(downloads)) {
            return files.toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The element that has keyboard focus. */
    public WebElement focused() {
        return driver.switchTo().activeElement();
    }

    void screenshot(Path file) {
        try {
            @SuppressWarnings("unchecked")
            Map<String, Object> metrics = (Map<String, Object>) driver.executeCdpCommand("Page.getLayoutMetrics",
                    Map.of());
            @SuppressWarnings("unchecked")
            Map<String, Object> size = (Map<String, Object>) metrics.get("cssContentSize");
            double width = Math.max(viewport.width, ((Number) size.get("width")).doubleValue());
            double height = Math.min(8000, Math.max(viewport.height, ((Number) size.get("height")).doubleValue()));
            Map<String, Object> shot = driver.executeCdpCommand("Page.captureScreenshot", Map.of("format", "png",
                    "captureBeyondViewport", true,
                    "clip", Map.of("x", 0, "y", 0, "width", width, "height", height, "scale", 1)));
            Files.write(file, Base64.getDecoder().decode((String) shot.get("data")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Console messages the page logged since the last call (CSP violations show up here). */
    List<String> consoleErrors() {
        return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(entry -> entry.getLevel().intValue() >= java.util.logging.Level.SEVERE.intValue())
                .map(entry -> entry.getMessage()).toList();
    }

    Optional<String> sidewaysScroll() {
        if (!viewport.mustNotScrollSideways) {
            return Optional.empty();
        }
        @SuppressWarnings("unchecked")
        List<Object> widths = (List<Object>) driver.executeScript("""
                const limit = window.innerWidth;
                const reach = e => e.getBoundingClientRect().left + Math.max(e.scrollWidth, e.offsetWidth);
                const overflows = e => reach(e) > limit + 1 || e.getBoundingClientRect().right > limit + 1;
                const wide = [...document.querySelectorAll('body *')]
                    .filter(overflows)
                    .filter(e => ![...e.children].some(overflows))
                    .slice(0, 5)
                    .map(e => e.tagName.toLowerCase() + (e.id ? '#' + e.id : '')
                              + (e.className && typeof e.className === 'string'
                                 ? '.' + e.className.trim().split(/\\s+/).join('.') : '')
                              + ' (reaches ' + Math.round(reach(e)) + 'px)');
                return [document.documentElement.scrollWidth, window.innerWidth, wide.join(', ')];
                """);
        long scrollWidth = ((Number) widths.get(0)).longValue();
        long innerWidth = ((Number) widths.get(1)).longValue();
        if (scrollWidth <= innerWidth) {
            return Optional.empty();
        }
        return Optional.of("scrolls sideways at " + viewport + " width: scrollWidth " + scrollWidth
                + " > innerWidth " + innerWidth + "; widest elements: " + widths.get(2));
    }

    void awaitSettled() {
        waiting(WAIT).until(d -> "complete".equals(
                ((JavascriptExecutor) d).executeScript("return document.readyState")));
        driver.executeAsyncScript("const done = arguments[arguments.length - 1]; document.fonts.ready.then(() => done());");
    }

    int innerWidth() {
        return ((Number) driver.executeScript("return window.innerWidth")).intValue();
    }

    /**
     * Ends this person's use of the browser: the pool wipes and reuses it when {@code reusable}, otherwise (a
     * failed journey: its browser may be in any state) it is quit.
     */
    void quit(boolean reusable) {
        ChromiumPool.giveBack(session, reusable);
    }

    private static void deleteQuietly(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
        } catch (IOException e) {
            // A leftover temporary profile is harmless.
        }
    }

    static String xpathLiteral(String text) {
        if (!text.contains("'")) {
            return "'" + text + "'";
        }
        return "concat('" + text.replace("'", "', \"'\", '") + "')";
    }

    @Override
    public String toString() {
        return actor + "@" + viewport;
    }
}
