/**
 * Reports (issue 19, charts): {@code /reports}, the office's figures as charts with their numbers in tables beside
 * them, and the monthly report for the ministry as CSV and PDF ({@code /reports/monthly}). Read-only: it reads the
 * crossing log, the schedule's slots, the applications' status changes and the consents with plain SQL
 * ({@link kr.kaesongcrossing.report.ReportQueries}) and changes nothing.
 */
@ApplicationModule(allowedDependencies = {"system"})
package kr.kaesongcrossing.report;

import org.springframework.modulith.ApplicationModule;
