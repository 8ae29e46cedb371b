package kr.kaesongcrossing.application;

/** Why the traveller crosses; the free-text detail goes with it. */
enum Purpose {
    TALKS, ECONOMIC_COOPERATION, CONSTRUCTION, HUMANITARIAN_AID, SOCIAL_CULTURAL, FAMILY, PRESS, OTHER
}
