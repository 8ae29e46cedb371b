package kr.kaesongcrossing.application;

/**
 * Published inside the transaction in which an application that was {@link ApplicationStatus#APPROVED_FOR_TRAVEL}
 * is withdrawn by its applicant or has its approval revoked by the office.
 */
public record TripApprovalWithdrawn(long applicationId, String reason) {
}
