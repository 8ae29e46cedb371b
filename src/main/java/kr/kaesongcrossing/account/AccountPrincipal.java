package kr.kaesongcrossing.account;

import java.io.Serializable;
import java.util.Collection;
import java.util.List;
import kr.kaesongcrossing.audit.Actor;
import kr.kaesongcrossing.audit.AuditPrincipal;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/**
 * The signed-in person, as kept in the (database-backed) session. Other modules take it with
 * {@code @AuthenticationPrincipal AccountPrincipal user} and use {@link #id()} to scope their data.
 */
public record AccountPrincipal(Long id, String email, String displayName, String passwordHash, Role role,
        String language, boolean enabled) implements UserDetails, Serializable, AuditPrincipal {

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return List.of(new SimpleGrantedAuthority(role.authority()));
    }

    @Override
    public String getPassword() {
        return passwordHash;
    }

    @Override
    public String getUsername() {
        return email;
    }

    @Override
    public boolean isEnabled() {
        return enabled;
    }

    @Override
    public Actor auditActor() {
        return Actor.account(id, role.name());
    }

    @Override
    public String toString() {
        return "AccountPrincipal[id=" + id + ", role=" + role + "]";
    }
}
