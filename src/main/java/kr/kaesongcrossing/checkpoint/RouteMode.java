package kr.kaesongcrossing.checkpoint;

/**
 * What the route lets through: OPEN both ways; SOUTHBOUND_ONLY returns only (no new northbound crossings, as in
 * April 2013); CLOSED nothing, although someone inside is still let out southbound (nobody is trapped).
 */
public enum RouteMode {
    OPEN, SOUTHBOUND_ONLY, CLOSED;

    public boolean northboundAllowed() {
        return this == OPEN;
    }

    public boolean southboundAllowed() {
        return this != CLOSED;
    }
}
