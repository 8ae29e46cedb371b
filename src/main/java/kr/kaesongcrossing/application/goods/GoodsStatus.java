package kr.kaesongcrossing.application.goods;

/** Whether goods of a category may be carried into the North. */
public enum GoodsStatus {
    ALLOWED, PERMIT_REQUIRED, PROHIBITED
}
