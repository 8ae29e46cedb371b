package kr.kaesongcrossing.checkpoint.scan;

/** Where the crossing log last put a pass holder. */
enum Presence {
    INSIDE, OUTSIDE
}
