package kr.kaesongcrossing.account;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PasswordPolicyTests {

    private static final PasswordPolicy POLICY = new PasswordPolicy();

    @Test
    void shouldShipAtLeastTenThousandCommonPasswords() {
        assertThat(POLICY.commonPasswordCount()).isGreaterThanOrEqualTo(10_000);
    }

    @ParameterizedTest
    @ValueSource(strings = {"password1234", "PASSWORD1234", "qwertyuiopasdf", "123456789012", "iloveyou!!2024",
        "!!sunshine1234", "aaaaaaaaaaaa", "abcabcabcabc", "abcdefghijklm", "987654321098", "baseball12345"})
    void shouldRefuseCommonOrPredictablePasswords(String password) {
        assertThat(POLICY.problem(password, "someone@test.example")).contains("password.common");
    }

    @Test
    void shouldRefuseShortAndOverlongPasswordsCountingCharactersNotBytes() {
        assertThat(POLICY.problem("short words", null)).contains("password.length");
        assertThat(POLICY.problem("x".repeat(40) + "y".repeat(89), null)).contains("password.length");
        assertThat(POLICY.problem("개성공단출입관리시스템은", null)).isEmpty();
        assertThat(POLICY.problem("개성공단출입관리", null)).contains("password.length");
    }

    @Test
    void shouldRefusePasswordsBuiltOnTheEmailOrTheServiceName() {
        assertThat(POLICY.problem("minjun.kim#2026!", "minjun.kim@test.example")).contains("password.context");
        assertThat(POLICY.problem("Kaesong-Crossing", null)).contains("password.context");
    }

    @ParameterizedTest
    @ValueSource(strings = {"correct horse battery staple", "lanterns drift over the imjin", "x7#Lq!2vR9@m",
        "물안개 피는 임진강 나루터"})
    void shouldAcceptLongUncommonPasswordsWithoutCompositionRules(String password) {
        assertThat(POLICY.problem(password, "someone@test.example")).isEmpty();
    }
}
