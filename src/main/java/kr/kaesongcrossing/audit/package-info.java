/**
 * The audit trail: who did what to what, when, from where, and with what outcome, as one hash-chained table
 * ({@code audit_event}) written in the same transaction as the action it records. ADMIN filters it, verifies the
 * chain and exports it at {@code /admin/audit}; a daily anchor (the latest hash) goes to the log and to
 * {@code audit_anchor} so it can be kept somewhere else.
 *
 * <p>Public API for every module: {@link kr.kaesongcrossing.audit.AuditTrail} (record an action), with
 * {@link kr.kaesongcrossing.audit.Actor}, {@link kr.kaesongcrossing.audit.AuditPrincipal} (implemented by the
 * security principals so the trail knows who acts), {@link kr.kaesongcrossing.audit.Subject} and
 * {@link kr.kaesongcrossing.audit.DisclosureReason} (why an ID number or full-size photo was disclosed); for the
 * retention job, {@link kr.kaesongcrossing.audit.AuditRetention} (delete the oldest events, keeping the chain
 * verifiable).
 */
@ApplicationModule(allowedDependencies = {"system"})
package kr.kaesongcrossing.audit;

import org.springframework.modulith.ApplicationModule;
