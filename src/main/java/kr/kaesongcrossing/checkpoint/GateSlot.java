package kr.kaesongcrossing.checkpoint;

import java.util.List;

import kr.kaesongcrossing.application.SlotTraveller;
import kr.kaesongcrossing.schedule.SlotKey;

/**
 * Today's slots at a station's gate and direction (the station page and the checkpoint home page show it).
 *
 * @param gate      the gate's name ({@code DORASAN}, ...)
 * @param direction {@code NORTHBOUND} or {@code SOUTHBOUND}
 * @param checked   whether the gates judge scans by slot; without it the rest is empty
 * @param current   the slot whose window is open now, or null
 * @param opens     its window, KST ({@code HH:mm})
 * @param closes    ...
 * @param expected  how many travellers of trips approved for travel hold a seat in it
 * @param arrived   how many of them were accepted at this gate, this way, in it
 * @param missing   the expected who have not, by name
 * @param next      the next slot of today, or null
 */
public record GateSlot(String gate, String direction, boolean checked, SlotKey current, String opens, String closes,
        int expected, int arrived, List<SlotTraveller> missing, SlotKey next) {
}
