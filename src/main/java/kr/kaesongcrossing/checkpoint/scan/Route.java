package kr.kaesongcrossing.checkpoint.scan;

import java.util.List;

/**
 * The gates in order along the route, south to north ({@code kc.route.gates}, e.g. {@code DORASAN,KAESONG}; a
 * deployment with only the zone gate sets {@code KAESONG}). The road is cut by n gates into n + 1 stretches,
 * numbered from the South: 0 is south of the first gate, n inside the zone, those between are in transit. Gate i
 * (from 0) has stretch i south of it and i + 1 north of it.
 */
public final class Route {

    private final List<Gate> gates;

    public Route(List<Gate> gates) {
        if (gates.isEmpty() || gates.stream().distinct().count() != gates.size()) {
            throw new IllegalArgumentException("kc.route.gates must name each gate once, south to north: " + gates);
        }
        this.gates = List.copyOf(gates);
    }

    public List<Gate> gates() {
        return gates;
    }

    /** The gate of the office zone, the last one northbound; where ENTRY and EXIT of older devices are scanned. */
    public Gate zoneGate() {
        return gates.get(gates.size() - 1);
    }

    /**
     * Where a crossing in {@code direction} begins, the gate whose time a slot gives: the first gate northbound
     * (Dorasan), the zone gate southbound.
     */
    public Gate firstGate(Direction direction) {
        return direction == Direction.NORTHBOUND ? gates.get(0) : zoneGate();
    }

    public boolean has(Gate gate) {
        return gates.contains(gate);
    }

    /** The stretch just north of {@code gate}. */
    int northOf(Gate gate) {
        int index = gates.indexOf(gate);
        if (index < 0) {
            throw new IllegalArgumentException("not on the route: " + gate);
        }
        return index + 1;
    }

    /**
     * The stretch {@code position} is on. Someone in transit past a gate that is no longer on the route (the route
     * was shortened) counts as north of the first gate, so they can still get out southbound.
     */
    int stretch(Position position) {
        return switch (position.place()) {
            case SOUTH -> 0;
            case INSIDE -> gates.size();
            case IN_TRANSIT -> {
                int index = gates.indexOf(position.gate());
                int stretch = position.direction() == Direction.NORTHBOUND ? index + 1 : index;
                yield Math.max(1, Math.min(gates.size(), stretch));
            }
        };
    }

    /** Where someone is after crossing {@code gate} in {@code direction}. */
    Position after(Gate gate, Direction direction) {
        int stretch = direction == Direction.NORTHBOUND ? northOf(gate) : northOf(gate) - 1;
        Position.Place place = stretch == 0 ? Position.Place.SOUTH
                : stretch == gates.size() ? Position.Place.INSIDE : Position.Place.IN_TRANSIT;
        return new Position(place, gate, direction);
    }
}
