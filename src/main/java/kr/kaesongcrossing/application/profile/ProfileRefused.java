package kr.kaesongcrossing.application.profile;

import kr.kaesongcrossing.system.Refusal;

/** A profile change the rules refused (e.g. a second profile of one member in one organisation). */
public class ProfileRefused extends Refusal {

    public ProfileRefused(String code) {
        super("profile refused: " + code, code);
    }
}
