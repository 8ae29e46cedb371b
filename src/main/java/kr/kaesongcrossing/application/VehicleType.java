package kr.kaesongcrossing.application;

/** Kinds of vehicle that may cross with an operating permit. */
enum VehicleType {
    CAR, VAN, TRUCK, BUS, OTHER
}
