package kr.kaesongcrossing.application.model;

import kr.kaesongcrossing.system.Refusal;

/** A possible watch-list match is open on the application: it must be cleared (or the application refused) first. */
public class WatchListHoldException extends Refusal {

    WatchListHoldException() {
        super("approval refused: a watch-list match is open", "application.refused.watchlist");
    }
}
