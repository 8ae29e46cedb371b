/**
 * Retention: how long personal data is kept (ADMIN sets the periods at {@code /admin/retention}; the
 * {@code kc.retention.*} properties are the defaults), and the nightly job that anonymises or deletes what is past
 * them through each owning module's public retention service.
 */
@ApplicationModule(allowedDependencies = {"application", "audit", "checkpoint", "notification", "pass", "system"})
package kr.kaesongcrossing.retention;

import org.springframework.modulith.ApplicationModule;
