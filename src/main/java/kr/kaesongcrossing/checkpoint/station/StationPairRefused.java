package kr.kaesongcrossing.checkpoint.station;

import kr.kaesongcrossing.system.Refusal;

/** The gate chosen is not on the route (the route was shortened since the page was opened). */
final class StationPairRefused extends Refusal {

    StationPairRefused() {
        super("gate not on the route", "station.pair.refused.gate");
    }
}
