package kr.kaesongcrossing.checkpoint.goods;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import kr.kaesongcrossing.checkpoint.goods.GoodsDifference.Kind;
import kr.kaesongcrossing.checkpoint.scan.Direction;
import kr.kaesongcrossing.checkpoint.scan.Gate;
import org.junit.jupiter.api.Test;

/** The rules a goods check and its differences keep on their own. */
class GoodsDifferenceTests {

    private static final Officer LANE = new Officer(1, "김근무");
    private static final Officer OTHER = new Officer(2, "이감독");
    private static final Instant NOW = Instant.parse("2026-12-01T03:00:00Z");

    private static GoodsCheck check(Direction direction, GoodsCheck.Found... found) {
        return new GoodsCheck(7, direction, "scan-1", Gate.KAESONG, List.of(found), LANE, NOW);
    }

    private static String code(Throwable refusal) {
        return ((GoodsRefused) refusal).getCodes()[0];
    }

    @Test
    void shouldBeOpenUntilClosedWithAReasonAndThenRefuseClosingAgain() {
        GoodsDifference less = check(Direction.NORTHBOUND,
                new GoodsCheck.Found(2, Kind.LESS, "측정 장비", "1개만")).getDifferences().get(0);
        assertThat(less.isOpen()).isTrue();

        less.close("  나머지는 다음 방문 때  ", OTHER, NOW.plusSeconds(60));

        assertThat(less.isOpen()).isFalse();
        assertThat(less.getCloseReason()).isEqualTo("나머지는 다음 방문 때");
        assertThat(less.getClosedByName()).isEqualTo("이감독");
        assertThatThrownBy(() -> less.close("또", LANE, NOW.plusSeconds(120)))
                .satisfies(e -> assertThat(code(e)).isEqualTo("checkpoint.goods.refused.closed"));
        assertThat(less.getCloseReason()).isEqualTo("나머지는 다음 방문 때");
    }

    @Test
    void shouldRefuseClosingWithoutAReasonOrWithATooLongOne() {
        GoodsDifference more = check(Direction.NORTHBOUND,
                new GoodsCheck.Found(0, Kind.MORE, "회의 자료", "12부")).getDifferences().get(0);
        assertThatThrownBy(() -> more.close(" ", LANE, NOW))
                .satisfies(e -> assertThat(code(e)).isEqualTo("checkpoint.goods.refused.reason.required"));
        assertThatThrownBy(() -> more.close(null, LANE, NOW))
                .satisfies(e -> assertThat(code(e)).isEqualTo("checkpoint.goods.refused.reason.required"));
        assertThatThrownBy(() -> more.close("가".repeat(501), LANE, NOW))
                .satisfies(e -> assertThat(code(e)).isEqualTo("checkpoint.goods.refused.reason.tooLong"));
        assertThat(more.isOpen()).isTrue();
    }

    @Test
    void shouldNeedANoteForEveryDifferenceAndADescriptionForAnUndeclaredItem() {
        assertThatThrownBy(() -> check(Direction.NORTHBOUND, new GoodsCheck.Found(1, Kind.MORE, "카메라", "")))
                .satisfies(e -> assertThat(code(e)).isEqualTo("checkpoint.goods.refused.note.required"));
        assertThatThrownBy(() -> check(Direction.NORTHBOUND,
                new GoodsCheck.Found(null, Kind.UNDECLARED, " ", "가방 안")))
                .satisfies(e -> assertThat(code(e)).isEqualTo("checkpoint.goods.refused.description.required"));
        assertThat(check(Direction.NORTHBOUND, new GoodsCheck.Found(null, Kind.UNDECLARED, "무전기", "가방 안"))
                .getDifferences()).extracting(GoodsDifference::getKind).containsExactly(Kind.UNDECLARED);
    }

    @Test
    void shouldCountNotBackOnlySouthbound() {
        assertThatThrownBy(() -> check(Direction.NORTHBOUND, new GoodsCheck.Found(1, Kind.NOT_BACK, "카메라", "x")))
                .satisfies(e -> assertThat(code(e)).isEqualTo("checkpoint.goods.refused.notBackNorth"));
        GoodsDifference notBack = check(Direction.SOUTHBOUND,
                new GoodsCheck.Found(1, Kind.NOT_BACK, "카메라", "두고 옴")).getDifferences().get(0);
        assertThat(notBack.isOpen()).isTrue();
        assertThat(notBack.getDirection()).isEqualTo(Direction.SOUTHBOUND);
    }

    @Test
    void shouldRecordALineNotCheckedBackAsNotBackAndClosedAtOnce() {
        GoodsDifference closed = GoodsDifference.notBackClosed(7, 2, "측정 장비", "다음 방문 때 반입", LANE, NOW);
        assertThat(closed.isOpen()).isFalse();
        assertThat(closed.getKind()).isEqualTo(Kind.NOT_BACK);
        assertThat(closed.getCloseReason()).isEqualTo("다음 방문 때 반입");
        assertThatThrownBy(() -> GoodsDifference.notBackClosed(7, 2, "측정 장비", "", LANE, NOW))
                .satisfies(e -> assertThat(code(e)).isEqualTo("checkpoint.goods.refused.note.required"));
    }

    @Test
    void shouldLetTheSameScanCorrectTheCheckUntilADifferenceIsClosed() {
        GoodsCheck check = check(Direction.NORTHBOUND, new GoodsCheck.Found(0, Kind.MORE, "회의 자료", "12부"));
        check.correct("scan-1", List.of(), LANE, NOW.plusSeconds(30));
        assertThat(check.getDifferences()).isEmpty();

        assertThatThrownBy(() -> check.correct("scan-2", List.of(), OTHER, NOW.plusSeconds(60)))
                .satisfies(e -> assertThat(code(e)).isEqualTo("checkpoint.goods.refused.checked"));

        check.correct("scan-1", List.of(new GoodsCheck.Found(1, Kind.LESS, "카메라", "렌즈 없음")), LANE, NOW);
        check.getDifferences().get(0).close("확인", OTHER, NOW);
        assertThatThrownBy(() -> check.correct("scan-1", List.of(), LANE, NOW))
                .satisfies(e -> assertThat(code(e)).isEqualTo("checkpoint.goods.refused.correctClosed"));
        assertThat(check.getDifferences()).hasSize(1);
    }
}
