package kr.kaesongcrossing.checkpoint;

/** Which way a person crosses at the lane: ENTRY into the office zone, EXIT out of it. */
enum Direction {
    ENTRY, EXIT
}
