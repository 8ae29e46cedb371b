package kr.kaesongcrossing.organisation;

/** What kind of body an organisation is; shown by its message key {@code organisation.type.<name>}. */
public enum OrganisationType {
    MINISTRY, COMPANY, NGO, PRESS
}
