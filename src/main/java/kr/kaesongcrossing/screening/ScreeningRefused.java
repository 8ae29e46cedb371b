package kr.kaesongcrossing.screening;

import kr.kaesongcrossing.system.Refusal;

/** A screening action the rules refused (a match already cleared, or gone); nothing was changed. */
class ScreeningRefused extends Refusal {

    ScreeningRefused(String code) {
        super("screening refused: " + code, code);
    }
}
