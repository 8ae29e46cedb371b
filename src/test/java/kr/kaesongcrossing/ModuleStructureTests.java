package kr.kaesongcrossing;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

/** Each direct sub-package is a module; none reaches into another's internals, and there are no cycles. */
class ModuleStructureTests {

    @Test
    void shouldKeepModuleBoundaries() {
        ApplicationModules.of(KaesongCrossingApplication.class).verify();
    }
}
