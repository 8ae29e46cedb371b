package kr.kaesongcrossing.checkpoint.scan;

/**
 * Which way a person crosses at the lane, in the Ministry of Unification's words: ENTRY is northbound into the
 * office zone (출경, leaving the South), EXIT is southbound out of it (입경, coming back into the South).
 */
public enum Direction {
    ENTRY, EXIT
}
