package kr.kaesongcrossing.organisation;

/**
 * A person's role inside one organisation. A COORDINATOR handles the organisation's join requests (and later files
 * for its members); it grants nothing outside that organisation.
 */
public enum OrganisationRole {
    MEMBER, COORDINATOR
}
