-- A session attribute may be larger than BLOB's 64 KB: the watch list import keeps the previewed good rows (up to
-- 10,000, their ID numbers already hashed) in the session until the administrator confirms them.
ALTER TABLE SPRING_SESSION_ATTRIBUTES MODIFY ATTRIBUTE_BYTES MEDIUMBLOB NOT NULL;
