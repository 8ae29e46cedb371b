package kr.kaesongcrossing.application.vehicle;

import kr.kaesongcrossing.system.Refusal;

/** A vehicle change or choice the rules refused (a plate already registered, a retired vehicle, an expired permit). */
public class VehicleRefused extends Refusal {

    public VehicleRefused(String code, Object... arguments) {
        super("vehicle refused: " + code, code, arguments);
    }
}
