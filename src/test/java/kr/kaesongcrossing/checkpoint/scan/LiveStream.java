package kr.kaesongcrossing.checkpoint.scan;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A browser's EventSource on {@code /checkpoint/live}, as far as a test needs it: the {@code counts} events as
 * name-to-number maps, waited for with a deadline (never a sleep).
 */
final class LiveStream implements AutoCloseable {

    private static final Pattern NUMBER = Pattern.compile("\"(\\w+)\":(\\d+)");

    private final BlockingQueue<Map<String, Long>> events = new LinkedBlockingQueue<>();
    private final HttpResponse<Stream<String>> response;
    private final Thread reader;

    private LiveStream(HttpResponse<Stream<String>> response) {
        this.response = response;
        this.reader = new Thread(() -> {
            try (Stream<String> lines = response.body()) {
                String event = null;
                for (String line : (Iterable<String>) lines::iterator) {
                    if (line.startsWith("event:")) {
                        event = line.substring(6).strip();
                    } else if (line.startsWith("data:") && "counts".equals(event)) {
                        Map<String, Long> counts = new HashMap<>();
                        Matcher m = NUMBER.matcher(line);
                        while (m.find()) {
                            counts.put(m.group(1), Long.parseLong(m.group(2)));
                        }
                        events.add(counts);
                    } else if (line.isEmpty()) {
                        event = null;
                    }
                }
            } catch (UncheckedIOException closed) {
                // the test closed the stream
            }
        }, "live-stream");
        reader.setDaemon(true);
        reader.start();
    }

    /** Opens the stream with a signed-in session cookie. */
    static LiveStream open(int port, String sessionCookie) throws IOException, InterruptedException {
        HttpResponse<Stream<String>> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + "/checkpoint/live"))
                .header("Accept", "text/event-stream").header("Cookie", "KCSESSION=" + sessionCookie).build(),
                HttpResponse.BodyHandlers.ofLines());
        return new LiveStream(response);
    }

    int status() {
        return response.statusCode();
    }

    String contentType() {
        return response.headers().firstValue("Content-Type").orElse("");
    }

    /** The next counts event that matches, or null when none came within {@code within}. */
    Map<String, Long> await(Predicate<Map<String, Long>> matching, Duration within) throws InterruptedException {
        Instant deadline = Instant.now().plus(within);
        for (Duration left = within; !left.isNegative(); left = Duration.between(Instant.now(), deadline)) {
            Map<String, Long> counts = events.poll(left.toMillis(), TimeUnit.MILLISECONDS);
            if (counts != null && matching.test(counts)) {
                return counts;
            }
        }
        return null;
    }

    @Override
    public void close() {
        reader.interrupt();
        try {
            response.body().close();
        } catch (RuntimeException ignored) {
            // already closed
        }
    }
}
