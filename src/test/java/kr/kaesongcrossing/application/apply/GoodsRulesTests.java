package kr.kaesongcrossing.application.apply;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import kr.kaesongcrossing.application.goods.GoodsCatalogue;
import kr.kaesongcrossing.application.goods.GoodsCategory;
import kr.kaesongcrossing.application.goods.GoodsStatus;
import kr.kaesongcrossing.application.model.GoodsRow;
import org.junit.jupiter.api.Test;
import org.springframework.validation.BeanPropertyBindingResult;
import org.springframework.validation.Errors;
import org.springframework.validation.FieldError;

/** The goods rules of {@link ApplicationFormValidator#goods}: what a draft may hold and what a submission needs. */
class GoodsRulesTests {

    private static final Instant NOW = Instant.parse("2026-12-01T00:00:00Z");
    private static final GoodsCatalogue CATALOGUE = GoodsCatalogue.of(List.of(
            new GoodsCategory("HS49", "49", "인쇄물", "Printed matter", GoodsStatus.ALLOWED, "-", 1, NOW),
            new GoodsCategory("HS10", "10", "곡물", "Cereals", GoodsStatus.PERMIT_REQUIRED, "Act art. 13", 2, NOW),
            new GoodsCategory("HS85", "85", "전기기기", "Electrical", GoodsStatus.PROHIBITED, "UNSCR 2397 para 7", 3, NOW)));

    @Test
    void shouldAcceptAnAllowedLineThatSaysWhetherItComesBack() {
        assertThat(errors(true, row("HS49", null, false))).isEmpty();
    }

    @Test
    void shouldRefuseAProhibitedLineOnSubmissionWithItsBasisButKeepItInADraft() {
        List<FieldError> errors = errors(true, row("HS85", null, true));

        assertThat(errors).singleElement().satisfies(e -> {
            assertThat(e.getField()).isEqualTo("goods[0].categoryCode");
            assertThat(e.getCode()).isEqualTo("application.error.goods.prohibited");
            assertThat(e.getArguments()).containsExactly("UNSCR 2397 para 7");
        });
        assertThat(errors(false, row("HS85", null, true))).isEmpty();
    }

    @Test
    void shouldNeedThePermitNumberOfAPermitLineOnSubmission() {
        assertThat(errors(true, row("HS10", " ", false))).extracting(FieldError::getField, FieldError::getCode)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("goods[0].permitNumber",
                        "application.error.goods.permitRequired"));
        assertThat(errors(true, row("HS10", "MOU-2026/17", false))).isEmpty();
        assertThat(errors(false, row("HS10", null, false))).isEmpty();
    }

    @Test
    void shouldRefuseAMalformedPermitNumberEvenInADraft() {
        assertThat(errors(false, row("HS10", "허가<script>", false))).extracting(FieldError::getCode)
                .containsExactly("application.error.goods.permitNumber");
    }

    @Test
    void shouldNeedACategoryAndWhetherItComesBackOnSubmissionOnly() {
        assertThat(errors(true, row(null, null, null))).extracting(FieldError::getField)
                .containsExactly("goods[0].categoryCode", "goods[0].comesBack");
        assertThat(errors(false, row(null, null, null))).isEmpty();
    }

    @Test
    void shouldRefuseACategoryNotOnTheListEvenInADraft() {
        assertThat(errors(false, row("HS9999", null, true))).extracting(FieldError::getCode)
                .containsExactly("application.error.goods.category");
    }

    @Test
    void shouldCheckOnlyTheFilledRows() {
        assertThat(errors(true, row("HS49", null, true), new GoodsRow(), row("HS85", null, false)))
                .extracting(FieldError::getField).containsExactly("goods[2].categoryCode");
    }

    private static GoodsRow row(String category, String permit, Boolean comesBack) {
        GoodsRow row = new GoodsRow("물품", 1, 1000L);
        row.setCategoryCode(category);
        row.setPermitNumber(permit);
        row.setComesBack(comesBack);
        return row;
    }

    private static List<FieldError> errors(boolean submitting, GoodsRow... rows) {
        ApplicationForm form = new ApplicationForm();
        form.setGoods(new ArrayList<>(List.of(rows)));
        Errors errors = new BeanPropertyBindingResult(form, "form");
        ApplicationFormValidator.goods(errors, form.getGoods(), CATALOGUE, submitting);
        return errors.getFieldErrors();
    }
}
