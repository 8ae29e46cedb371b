package kr.kaesongcrossing.application.model;

/** Why the traveller crosses; the free-text detail goes with it. */
public enum Purpose {
    TALKS, ECONOMIC_COOPERATION, CONSTRUCTION, HUMANITARIAN_AID, SOCIAL_CULTURAL, FAMILY, PRESS, OTHER
}
