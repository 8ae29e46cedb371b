package kr.kaesongcrossing.report;

import java.time.YearMonth;
import java.util.List;
import kr.kaesongcrossing.report.ReportQueries.DayCount;
import kr.kaesongcrossing.report.ReportQueries.GroupCount;
import kr.kaesongcrossing.report.ReportQueries.ReasonCount;
import kr.kaesongcrossing.report.ReportQueries.Stay;

/** One month's figures for the ministry: crossings by organisation and purpose, refusals, overrides, stays. */
public record MonthlyReport(YearMonth month, List<GroupCount> groups, List<ReasonCount> refusals, DayCount overrides,
        Stay stay) {

    static MonthlyReport of(ReportQueries queries, YearMonth month) {
        return new MonthlyReport(month, queries.crossingsByGroup(month.atDay(1), month.atEndOfMonth()),
                queries.refusals(month.atDay(1), month.atEndOfMonth()),
                queries.overrides(month.atDay(1), month.atEndOfMonth()),
                queries.stays(month.atDay(1), month.atEndOfMonth()));
    }

    public long northbound() {
        return groups.stream().mapToLong(GroupCount::northbound).sum();
    }

    public long southbound() {
        return groups.stream().mapToLong(GroupCount::southbound).sum();
    }

    public long refused() {
        return refusals.stream().mapToLong(ReasonCount::count).sum();
    }

    /** A bar's length in the PDF: {@code count} as a percentage of the longest bar of its chart. */
    public long bar(long count, long max) {
        return max == 0 ? 0 : Math.max(count == 0 ? 0 : 1, Math.round(100.0 * count / max));
    }

    public long maxGroup() {
        return groups.stream().mapToLong(g -> Math.max(g.northbound(), g.southbound())).max().orElse(0);
    }

    public long maxRefusal() {
        return refusals.stream().mapToLong(ReasonCount::count).max().orElse(0);
    }
}
