package kr.kaesongcrossing.schedule.timetable;

import kr.kaesongcrossing.system.Refusal;

/** A change of the schedule that the rules do not allow; nothing was changed. The message key tells why. */
class ScheduleChangeRefused extends Refusal {

    ScheduleChangeRefused(String messageKey, Object... arguments) {
        super(messageKey, messageKey, arguments);
    }
}
