package kr.kaesongcrossing.checkpoint.day;

import kr.kaesongcrossing.system.Refusal;

/** A sign-off the rules refused (a day not begun, or one already signed); nothing was recorded. */
class DayCloseRefused extends Refusal {

    DayCloseRefused(String message, String code, Object... arguments) {
        super(message, code, arguments);
    }
}
