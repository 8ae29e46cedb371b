package kr.kaesongcrossing.audit;

/** A security principal that says which {@link Actor} it is, so the trail can take the actor from the request. */
public interface AuditPrincipal {

    Actor auditActor();
}
