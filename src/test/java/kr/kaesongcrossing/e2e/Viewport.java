package kr.kaesongcrossing.e2e;

/**
 * Window sizes the journeys use. Phone and tablet screens must not scroll sideways: civilians use phones,
 * checkpoint officers use lane tablets.
 */
public enum Viewport {
    DESKTOP(1280, 900, false),
    PHONE(390, 844, true),
    SMALL_TABLET(768, 1024, true),
    TABLET(820, 1180, true);

    final int width;
    final int height;
    final boolean mustNotScrollSideways;

    Viewport(int width, int height, boolean mustNotScrollSideways) {
        this.width = width;
        this.height = height;
        this.mustNotScrollSideways = mustNotScrollSideways;
    }
}
