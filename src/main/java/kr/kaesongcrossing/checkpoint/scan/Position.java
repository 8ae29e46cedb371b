package kr.kaesongcrossing.checkpoint.scan;

/**
 * Where the crossing log last put a pass holder along the route: south of the first gate, in transit between two
 * gates (in the DMZ), or inside the office zone. {@code gate} and {@code direction} are the last accepted crossing;
 * they tell which stretch of road someone in transit is on when the route has more than two gates.
 */
public record Position(Place place, Gate gate, Direction direction) {

    public enum Place {
        SOUTH, IN_TRANSIT, INSIDE
    }

    /** Never seen at a gate, or back in the South. */
    public static final Position SOUTH = new Position(Place.SOUTH, null, null);

    /** North of the first gate: in transit or inside the zone, so on the trip. */
    public boolean across() {
        return place != Place.SOUTH;
    }
}
