package kr.kaesongcrossing.schedule;

/** Which way a slot crosses: NORTHBOUND is 출경 (into the Kaesong zone), SOUTHBOUND is 입경 (back to the South). */
public enum TravelDirection {
    NORTHBOUND, SOUTHBOUND;

    /** Message key of the direction's name ({@code schedule.direction.NORTHBOUND}). */
    public String label() {
        return "schedule.direction." + name();
    }
}
