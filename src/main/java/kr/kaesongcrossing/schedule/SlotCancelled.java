package kr.kaesongcrossing.schedule;

import java.util.List;

/**
 * A slot was cancelled (on its own or by closing its day): the trips that held seats in it keep them there until
 * an officer moves them, and their travellers are told.
 */
public record SlotCancelled(SlotKey slot, String reason, List<Long> applicationIds) {
}
