-- Sessions are indexed by principal name = the account's email, which may be up to 254 characters.
ALTER TABLE SPRING_SESSION MODIFY PRINCIPAL_NAME VARCHAR(254);
