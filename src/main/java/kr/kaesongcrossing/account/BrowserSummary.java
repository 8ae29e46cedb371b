package kr.kaesongcrossing.account;

/**
 * "Firefox, Windows" from a User-Agent header: enough for a person to recognise their own sessions on "My sessions",
 * and nothing more is kept (not the full header, not the client address: both say more about a person than that
 * page needs). Null when neither is recognised.
 */
final class BrowserSummary {

    private BrowserSummary() {
    }

    static String of(String userAgent) {
        if (userAgent == null || userAgent.isBlank()) {
            return null;
        }
        String browser = browser(userAgent);
        String system = system(userAgent);
        if (browser == null && system == null) {
            return null;
        }
        return browser == null ? system : system == null ? browser : browser + ", " + system;
    }

    /** Order matters: Edge and Opera also call themselves Chrome, and Chrome calls itself Safari. */
    private static String browser(String ua) {
        if (ua.contains("Edg/")) {
            return "Edge";
        }
        if (ua.contains("OPR/")) {
            return "Opera";
        }
        if (ua.contains("SamsungBrowser/")) {
            return "Samsung Internet";
        }
        if (ua.contains("Whale/")) {
            return "Whale";
        }
        if (ua.contains("Firefox/")) {
            return "Firefox";
        }
        if (ua.contains("Chrome/") || ua.contains("Chromium/")) {
            return "Chrome";
        }
        if (ua.contains("Safari/")) {
            return "Safari";
        }
        return null;
    }

    private static String system(String ua) {
        if (ua.contains("Android")) {
            return "Android";
        }
        if (ua.contains("iPhone") || ua.contains("iPad")) {
            return "iOS";
        }
        if (ua.contains("Windows")) {
            return "Windows";
        }
        if (ua.contains("Mac OS X") || ua.contains("Macintosh")) {
            return "macOS";
        }
        if (ua.contains("Linux")) {
            return "Linux";
        }
        return null;
    }
}
