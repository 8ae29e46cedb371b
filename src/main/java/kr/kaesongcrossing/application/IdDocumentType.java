package kr.kaesongcrossing.application;

/** The identity document the traveller carries. */
enum IdDocumentType {
    PASSPORT, RESIDENT_CARD, VISIT_CERTIFICATE, OTHER
}
