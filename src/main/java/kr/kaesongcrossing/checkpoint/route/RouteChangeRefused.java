package kr.kaesongcrossing.checkpoint.route;

import kr.kaesongcrossing.system.Refusal;

/** A route mode change or cancellation the rules refused; nothing was changed. */
class RouteChangeRefused extends Refusal {

    RouteChangeRefused(String message, String code) {
        super(message, code);
    }
}
