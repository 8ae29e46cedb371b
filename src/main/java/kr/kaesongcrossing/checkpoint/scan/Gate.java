package kr.kaesongcrossing.checkpoint.scan;

/**
 * A gate on the route where passes are scanned, south to north as {@link Route} orders them: the South's CIQ at
 * Dorasan, then the gate of the office zone at Kaesong. Names are in the messages ({@code checkpoint.gate.*}).
 */
public enum Gate {
    DORASAN, KAESONG
}
