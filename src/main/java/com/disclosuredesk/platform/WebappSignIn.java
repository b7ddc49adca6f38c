package com.disclosuredesk.platform;

import java.util.Collection;
import java.util.Optional;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.webapp.impl.security.auth.Authentication;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.springframework.stereotype.Component;

/**
 * Who is signed in to the Camunda web apps (Tasklist) in this request's servlet session: the user id that the web
 * apps' login ({@code POST /camunda/api/admin/auth/user/default/login/tasklist}) stored in the session, for this
 * application's engine. Only the identity is taken from the session; group memberships are read from the engine's
 * identity service on every call (the session's copy is a cache the web apps refresh only on their own paths), so a
 * user removed from a group or deleted loses access at once. Never creates a session.
 */
@Component
public class WebappSignIn {

    /** The outcome of a check: the signed-in user, or why not (no sign-in: 401; not a member: 403). */
    public record Check(String userId, boolean signedIn) {
        public boolean allowed() {
            return userId != null;
        }
    }

    private final ProcessEngine engine;

    public WebappSignIn(ProcessEngine engine) {
        this.engine = engine;
    }

    /** The user signed in to the web apps in this session, if any (and still known to the engine). */
    public Optional<String> user(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        if (session == null) {
            return Optional.empty();
        }
        Authentications authentications = AuthenticationUtil.getAuthsFromSession(session);
        if (authentications == null) {
            return Optional.empty();
        }
        Authentication authentication = authentications.getAuthenticationForProcessEngine(engine.getName());
        if (authentication == null || authentication == Authentication.ANONYMOUS || authentication.getIdentityId() == null) {
            return Optional.empty();
        }
        String userId = authentication.getIdentityId();
        if (engine.getIdentityService().createUserQuery().userId(userId).count() == 0) {
            return Optional.empty();
        }
        return Optional.of(userId);
    }

    /** The signed-in user if a member of one of {@code groups}; {@link Check#signedIn()} tells 401 from 403. */
    public Check member(HttpServletRequest request, Collection<String> groups) {
        Optional<String> user = user(request);
        if (user.isEmpty()) {
            return new Check(null, false);
        }
        Set<String> wanted = Set.copyOf(groups);
        boolean member = engine.getIdentityService().createGroupQuery().groupMember(user.get()).list().stream()
                .map(Group::getId).anyMatch(wanted::contains);
        return new Check(member ? user.get() : null, true);
    }
}
