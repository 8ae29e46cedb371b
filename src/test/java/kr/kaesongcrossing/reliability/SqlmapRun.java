package kr.kaesongcrossing.reliability;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One bounded, non-interactive sqlmap run against one page and its parameters, with a signed-in session cookie.
 * A finding is an injectable parameter, or a 500 answer seen during the run.
 */
final class SqlmapRun {

    // sqlmap's verdict, not its first impressions: "appears to be ... injectable" is often followed by "false
    // positive or unexploitable injection point detected" once it checks.
    private static final Pattern INJECTABLE = Pattern.compile(
            "(identified the following injection point|parameter '[^']+' is vulnerable)");
    private static final Pattern HTTP_ERRORS = Pattern.compile("HTTP error codes detected during run:\\s*(.*)");

    record Result(String target, boolean finding, boolean timedOut, String errorCodes, Duration took, Path log) {
    }

    private SqlmapRun() {
    }

    static Result run(Path sqlmap, String url, List<String> parameters, String cookie, SuiteProfile profile,
            Path outputDir, String name) {
        Path log = outputDir.resolve(name + ".log");
        List<String> command = new ArrayList<>(List.of(sqlmap.toString(), "-u", url, "--cookie", cookie,
                "--batch", "--dbms=MySQL", "--level=" + profile.sqlmapLevel(), "--risk=" + profile.sqlmapRisk(),
                "--technique=" + (profile == SuiteProfile.SOAK ? "BEUSTQ" : "BEU"), "--time-sec=2",
                "--timeout=15", "--retries=1", "--flush-session", "--disable-coloring", "--skip-waf",
                "--output-dir=" + outputDir.resolve("sessions"), "--answers=follow=N,keep testing=Y"));
        if (!parameters.isEmpty()) {
            command.add("-p");
            command.add(String.join(",", parameters));
        }
        long begin = System.nanoTime();
        Process process = Tools.start(new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(log.toFile()));
        boolean timedOut = false;
        try {
            if (!process.waitFor(profile.sqlmapPerTarget().toSeconds(), TimeUnit.SECONDS)) {
                timedOut = true;
                Tools.killHard(process);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            Tools.killHard(process);
        }
        String output;
        try {
            output = Files.readString(log);
        } catch (java.io.IOException e) {
            output = "";
        }
        Matcher errors = HTTP_ERRORS.matcher(output);
        String errorCodes = errors.find() ? errors.group(1).strip() : "";
        boolean finding = INJECTABLE.matcher(output).find() || errorCodes.contains("500");
        return new Result(name, finding, timedOut, errorCodes, Duration.ofNanos(System.nanoTime() - begin), log);
    }
}
