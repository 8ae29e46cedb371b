package kr.kaesongcrossing.checkpoint.scan;

import kr.kaesongcrossing.schedule.TravelDirection;

/**
 * Which way a person crosses a gate, in the Ministry of Unification's words: NORTHBOUND is 출경 (leaving the South,
 * towards the Kaesong office zone), SOUTHBOUND is 입경 (coming back into the South). The same at every gate.
 */
public enum Direction {
    NORTHBOUND, SOUTHBOUND;

    /** The schedule's direction of the same name: the slots crossing this way. */
    public TravelDirection travel() {
        return TravelDirection.valueOf(name());
    }
}
