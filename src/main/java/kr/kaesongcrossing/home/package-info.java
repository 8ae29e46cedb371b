/**
 * Each role's home page ({@code /}): where the day stands, from the figures the other modules offer (each an indexed
 * count or a short list), above the links the role needs.
 */
@ApplicationModule(allowedDependencies = {"account", "application", "audit", "checkpoint", "notification", "pass",
        "schedule", "screening", "system"})
package kr.kaesongcrossing.home;

import org.springframework.modulith.ApplicationModule;
