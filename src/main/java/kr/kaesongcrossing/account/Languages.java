package kr.kaesongcrossing.account;

import java.util.List;

/** The languages an account may prefer; the same two the site is written in. */
final class Languages {

    static final List<String> SUPPORTED = List.of("ko", "en");

    private Languages() {
    }

    static boolean isSupported(String language) {
        return language != null && SUPPORTED.contains(language);
    }
}
