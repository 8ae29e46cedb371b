/**
 * Organisations: ministries, companies, NGOs and the press whose people cross. ADMIN creates and edits them at
 * {@code /admin/organisations} and names coordinators; a civilian asks to join one at {@code /organisations}, and a
 * coordinator of that organisation or an officer accepts or declines ({@code /organisations/{id}}). The role in an
 * organisation ({@link kr.kaesongcrossing.organisation.OrganisationRole}) is not a global role: one person may
 * coordinate one organisation and be a plain member of another.
 * Public API for the modules that will build on it (profiles, group trips, permits):
 * {@link kr.kaesongcrossing.organisation.Organisations} (who belongs where, who coordinates).
 */
@ApplicationModule(allowedDependencies = {"account", "audit", "system"})
package kr.kaesongcrossing.organisation;

import org.springframework.modulith.ApplicationModule;
