package kr.kaesongcrossing.application.model;

/** Kinds of vehicle that may cross with an operating permit. */
public enum VehicleType {
    CAR, VAN, TRUCK, BUS, OTHER
}
