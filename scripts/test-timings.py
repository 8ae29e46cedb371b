#!/usr/bin/env python3
"""Per-suite test timings from the JUnit XML reports of a Maven build.

    scripts/test-timings.py [TARGET_DIR]     (default: target)

Reads TARGET_DIR/surefire-reports/TEST-*.xml and TARGET_DIR/failsafe-reports/TEST-*.xml and prints one row per
suite (test classes, tests, failed, skipped, seconds, wall) and the total, the wall time of each plugin's tests,
then the slowest test classes. A missing report folder or an unreadable report is mentioned and skipped; the exit
status is 0 whatever the reports say (the table is information).

Only the <testsuite> start tag is read, with a regular expression: the hostile-input report holds characters
that XML 1.0 forbids (U+FFFE, control characters), so an XML parser refuses the whole file.

Seconds are the sum of the test classes' own times (Spring context start-ups included); compiling, packaging
and Maven itself are not in them. Test classes run in several JVMs side by side (forkCount in pom.xml), so the
suites overlap and their seconds add up to more than the time they took: wall is from the start of a suite's
first class to the end of its last, read from the report files' times (each is written when its class ends, so
a class started at that time minus its seconds).
"""
import glob
import html
import os
import re
import sys

# Suites by test class name, first match wins. They follow the JUnit tags (README "Tests and databases").
SUITES = [
    ("browser (e2e)", lambda name: ".e2e." in name),
    ("hostile input", lambda name: simple(name) == "HostileInputTests"),
    # TwoInstancesTests, TwoInstancesSessionTests, MailTwoInstancesTests, SlotsTwoInstancesTests
    ("two instances", lambda name: "TwoInstances" in simple(name)),
    ("reliability (*IT)", lambda name: simple(name).endswith("IT")),
]
OTHER = "unit and full-stack"
# Tagged slow without a suite of their own (MailRestartTests): failsafe runs them with the slow suites.
OTHER_SLOW = "other slow"
SLOWEST = 10
ORDER = [OTHER] + [label for label, _ in SUITES] + [OTHER_SLOW]
FOLDERS = ("surefire-reports", "failsafe-reports")
TESTSUITE = re.compile(r"<testsuite\b([^>]*)>")
ATTRIBUTE = re.compile(r'([\w:.-]+)="([^"]*)"')


def simple(name):
    return name.rsplit(".", 1)[-1]


def suite_of(name, folder):
    other = OTHER_SLOW if folder == "failsafe-reports" else OTHER
    return next((label for label, matches in SUITES if matches(name)), other)


def testsuite(report):
    """The attributes of the report's <testsuite> element, or None."""
    with open(report, encoding="utf-8", errors="replace") as f:
        match = TESTSUITE.search(f.read())
    if not match:
        return None
    return {key: html.unescape(value) for key, value in ATTRIBUTE.findall(match.group(1))}


def number(suite, attribute, parse=int):
    # Older Surefire versions group thousands ("1,234.5").
    text = suite.get(attribute, "0").replace(",", "")
    try:
        return parse(text)
    except ValueError:
        return parse("0")


def read_reports(target):
    """Per suite [classes, tests, failed, skipped, seconds]; per test class (seconds, suite, name); per suite and
    per plugin [first start, last end]; notes."""
    rows = {}
    classes = []
    spans = {}
    notes = []
    for folder in FOLDERS:
        path = os.path.join(target, folder)
        reports = sorted(glob.glob(os.path.join(path, "TEST-*.xml")))
        if not reports:
            notes.append(f"{folder}: no reports in {path}")
            continue
        for report in reports:
            try:
                suite = testsuite(report)
            except OSError as e:
                notes.append(f"{folder}: cannot read {os.path.basename(report)} ({e.strerror})")
                continue
            if suite is None:
                notes.append(f"{folder}: no <testsuite> in {os.path.basename(report)}, skipped")
                continue
            label = suite_of(suite.get("name", ""), folder)
            row = rows.setdefault(label, [0, 0, 0, 0, 0.0])
            row[0] += 1
            row[1] += number(suite, "tests")
            row[2] += number(suite, "failures") + number(suite, "errors")
            row[3] += number(suite, "skipped")
            row[4] += number(suite, "time", float)
            classes.append((number(suite, "time", float), label, suite.get("name", "")))
            end = os.path.getmtime(report)
            for key in (label, folder, "all"):
                span = spans.setdefault(key, [end - number(suite, "time", float), end])
                span[0] = min(span[0], end - number(suite, "time", float))
                span[1] = max(span[1], end)
    return rows, classes, spans, notes


def wall(spans, key):
    span = spans.get(key)
    return "%.1f" % (span[1] - span[0]) if span else "-"


def main(argv):
    target = argv[1] if len(argv) > 1 else "target"
    rows, classes, spans, notes = read_reports(target)
    print("Test timings by suite (from the JUnit reports in %s)" % target)
    for note in notes:
        print("  " + note)
    if not rows:
        return 0
    header = ("suite", "classes", "tests", "failed", "skipped", "seconds", "wall")
    line = "%-22s %8s %6s %7s %8s %9s %7s"
    print(line % header)
    total = [0, 0, 0, 0, 0.0]
    for label in ORDER:
        if label in rows:
            row = rows[label]
            print(line % (label, row[0], row[1], row[2], row[3], "%.1f" % row[4], wall(spans, label)))
            total = [a + b for a, b in zip(total, row)]
    print(line % ("total", total[0], total[1], total[2], total[3], "%.1f" % total[4], wall(spans, "all")))
    print("wall: surefire %s s, failsafe %s s (from the first test class's start to the last one's end; the\n"
          "total's wall includes packaging and SpotBugs between them)"
          % (wall(spans, "surefire-reports"), wall(spans, "failsafe-reports")))
    print()
    print("Slowest test classes (seconds, Spring context start-ups included)")
    for seconds, label, name in sorted(classes, reverse=True)[:SLOWEST]:
        print("%9.1f  %-22s %s" % (seconds, label, simple(name)))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
