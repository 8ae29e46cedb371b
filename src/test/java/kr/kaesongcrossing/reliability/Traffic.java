package kr.kaesongcrossing.reliability;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Supplier;
import kr.kaesongcrossing.WebClient.Answer;

/**
 * Every request the load clients sent, with its outcome and timing, so a scenario can ask what happened inside a
 * fault window: were all answers a fail-closed 503, how long did the slowest take, did anything answer 500.
 */
final class Traffic {

    /** One request: when it was sent and answered (nanoTime), its status (-1: no answer), what kind it was. */
    record Event(String kind, long sentAt, long doneAt, int status, boolean failClosed) {

        long millis() {
            return (doneAt - sentAt) / 1_000_000;
        }

        boolean answered() {
            return status > 0;
        }

        /** A 5xx that is not the designed "database unavailable" answer. */
        boolean error() {
            return status >= 500 && !failClosed;
        }
    }

    private final ConcurrentLinkedQueue<Event> events = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<String> problems = new ConcurrentLinkedQueue<>();

    /** Sends a request and records it; returns null when there was no answer (connection refused, timeout). */
    Answer send(String kind, Supplier<Answer> request) {
        long sentAt = System.nanoTime();
        try {
            Answer answer = request.get();
            boolean failClosed = answer.status() == 503 && isFailClosed(answer);
            Event event = new Event(kind, sentAt, System.nanoTime(), answer.status(), failClosed);
            events.add(event);
            if (event.error() && problems.size() < 20) {
                problems.add(kind + " -> " + answer.status() + ": " + excerpt(answer.body()));
            }
            return answer;
        } catch (RuntimeException noAnswer) {
            events.add(new Event(kind, sentAt, System.nanoTime(), -1, false));
            return null;
        }
    }

    static boolean isFailClosed(Answer answer) {
        String body = answer.body();
        return body.contains("DATABASE_UNAVAILABLE") || body.contains("서비스를 잠시 이용할 수 없습니다")
                || body.contains("The service is briefly unavailable");
    }

    List<Event> events() {
        return new ArrayList<>(events);
    }

    List<Event> between(long from, long to) {
        return events.stream().filter(e -> e.sentAt() >= from && e.sentAt() <= to).toList();
    }

    long sent() {
        return events.size();
    }

    long answered() {
        return events.stream().filter(Event::answered).count();
    }

    long errors() {
        return events.stream().filter(Event::error).count();
    }

    long failClosed() {
        return events.stream().filter(Event::failClosed).count();
    }

    /** Writes every event as CSV (times in ms relative to {@code zero}) for a post-mortem. */
    void dump(java.nio.file.Path file, long zero) {
        StringBuilder csv = new StringBuilder("kind,sent_ms,done_ms,took_ms,status,fail_closed\n");
        for (Event e : events()) {
            csv.append(e.kind()).append(',').append((e.sentAt() - zero) / 1_000_000).append(',')
                    .append((e.doneAt() - zero) / 1_000_000).append(',').append(e.millis()).append(',')
                    .append(e.status()).append(',').append(e.failClosed()).append('\n');
        }
        try {
            java.nio.file.Files.writeString(file, csv);
        } catch (java.io.IOException e) {
            System.err.println("could not write " + file + ": " + e.getMessage());
        }
    }

    List<String> problems() {
        return List.copyOf(problems);
    }

    private static String excerpt(String body) {
        String flat = body.replaceAll("\\s+", " ");
        return flat.length() > 200 ? flat.substring(0, 200) + "..." : flat;
    }
}
