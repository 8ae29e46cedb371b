package kr.kaesongcrossing.application.model;

/** The identity document the traveller carries. */
public enum IdDocumentType {
    PASSPORT, RESIDENT_CARD, VISIT_CERTIFICATE, OTHER
}
