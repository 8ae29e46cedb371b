package kr.kaesongcrossing.checkpoint;

/** Where the crossing log last put a pass holder. */
enum Presence {
    INSIDE, OUTSIDE
}
