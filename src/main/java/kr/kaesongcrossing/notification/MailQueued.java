package kr.kaesongcrossing.notification;

/** A message was stored and goes out once the transaction that stored it has committed. */
record MailQueued(long mailId) {
}
