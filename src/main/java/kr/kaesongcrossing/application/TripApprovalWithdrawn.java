package kr.kaesongcrossing.application;

public record TripApprovalWithdrawn(long applicationId, String reason) {
}
