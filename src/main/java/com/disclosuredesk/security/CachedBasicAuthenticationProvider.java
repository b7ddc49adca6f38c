package com.disclosuredesk.security;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.rest.security.auth.AuthenticationProvider;
import org.camunda.bpm.engine.rest.security.auth.AuthenticationResult;

/**
 * HTTP basic for the engine REST API, as Camunda's {@code HttpBasicAuthenticationProvider}, through the
 * {@link CredentialCache}: the result carries the user's groups and tenants, so the engine's filter reads neither.
 */
class CachedBasicAuthenticationProvider implements AuthenticationProvider {

    private static final String BASIC = "Basic ";

    private final CredentialCache credentials;

    CachedBasicAuthenticationProvider(CredentialCache credentials) {
        this.credentials = credentials;
    }

    @Override
    public AuthenticationResult extractAuthenticatedUser(HttpServletRequest request, ProcessEngine engine) {
        String header = request.getHeader("Authorization");
        if (header == null || !header.regionMatches(true, 0, BASIC, 0, BASIC.length())) {
            return AuthenticationResult.unsuccessful();
        }
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(header.substring(BASIC.length()).trim()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException notBase64) {
            return AuthenticationResult.unsuccessful();
        }
        int colon = decoded.indexOf(':');
        if (colon <= 0) {
            return AuthenticationResult.unsuccessful();
        }
        String userId = decoded.substring(0, colon);
        return credentials.authenticate(userId, decoded.substring(colon + 1))
                .map(user -> {
                    AuthenticationResult result = AuthenticationResult.successful(user.userId());
                    result.setGroups(user.groups());
                    result.setTenants(user.tenants());
                    return result;
                })
                .orElseGet(() -> AuthenticationResult.unsuccessful(userId));
    }

    @Override
    public void augmentResponseByAuthenticationChallenge(HttpServletResponse response, ProcessEngine engine) {
        response.setHeader("WWW-Authenticate", "Basic realm=\"" + engine.getName() + "\"");
    }
}
