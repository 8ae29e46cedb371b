package kr.kaesongcrossing.system;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PagingParameterFilterTests {

    @Test
    void shouldAcceptSmallDecimalPagesAndQueriesWithoutPaging() {
        assertThat(PagingParameterFilter.acceptable("page=3&size=20&q=%ED%99%8D")).isTrue();
        assertThat(PagingParameterFilter.acceptable("page=&lang=en")).isTrue();
        assertThat(PagingParameterFilter.acceptable("q=page%3Dx")).isTrue();
    }

    @Test
    void shouldRefuseNumbersSpringWouldReadAsHugeOrNegative() {
        assertThat(PagingParameterFilter.acceptable("page=0x7fffffff")).isFalse();
        assertThat(PagingParameterFilter.acceptable("page=%2B2147483647")).isFalse();
        assertThat(PagingParameterFilter.acceptable("page=-1")).isFalse();
        assertThat(PagingParameterFilter.acceptable("size=9999999")).isFalse();
        assertThat(PagingParameterFilter.acceptable("page=%zz")).isFalse();
    }
}
