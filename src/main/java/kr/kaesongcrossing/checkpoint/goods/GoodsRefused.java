package kr.kaesongcrossing.checkpoint.goods;

import kr.kaesongcrossing.system.Refusal;

/** A goods check or a closing the rules refused; nothing was recorded. */
class GoodsRefused extends Refusal {

    GoodsRefused(String message, String code, Object... arguments) {
        super(message, code, arguments);
    }
}
