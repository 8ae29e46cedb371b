package kr.kaesongcrossing.checkpoint.scan;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TokenInputTests {

    private static final String TOKEN = "eyJhbGciOiJFZERTQSIsImtpZCI6ImsxIn0.eyJqdGkiOiJhYmMifQ.c2lnbmF0dXJl-_x";

    @Test
    void shouldTrimWhatTheScannerTyped() {
        assertThat(TokenInput.clean("  " + TOKEN + "\r\n")).isEqualTo(TOKEN);
        assertThat(TokenInput.unreadable(TokenInput.clean(" " + TOKEN + "\n"))).isFalse();
    }

    @Test
    void shouldCallHangulFromAKoreanInputMethodUnreadable() {
        // "eyJ" typed on a 2-set Korean keyboard gives ㄷㅛㅓ (composed as 됴ㅓ)
        assertThat(TokenInput.unreadable("됴ㅓㅗㅠㅎ" + TOKEN.substring(3))).isTrue();
        assertThat(TokenInput.unreadable("ㄷㅛㅓ")).isTrue();
    }

    @Test
    void shouldCallCapsLockInputUnreadable() {
        StringBuilder swapped = new StringBuilder();
        for (char c : TOKEN.toCharArray()) {
            swapped.append(Character.isUpperCase(c) ? Character.toLowerCase(c) : Character.toUpperCase(c));
        }
        assertThat(TokenInput.unreadable(swapped.toString())).isTrue();
    }

    @Test
    void shouldCallForeignCharactersUnreadable() {
        assertThat(TokenInput.unreadable(TOKEN + " x")).isTrue();
        assertThat(TokenInput.unreadable(TOKEN.replace('-', '+'))).isTrue();
        assertThat(TokenInput.unreadable("")).isTrue();
    }

    @Test
    void shouldLeaveTokenShapedGarbageToTheVerifier() {
        assertThat(TokenInput.unreadable("abc.def.ghi")).isFalse();
    }
}
