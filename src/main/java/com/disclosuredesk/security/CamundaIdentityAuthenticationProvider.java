package com.disclosuredesk.security;

import java.util.List;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.stereotype.Component;

/**
 * Signs API callers in against the engine's users (the same ones Tasklist, Cockpit and the engine REST API
 * know), through the {@link CredentialCache}; their Camunda groups become authorities {@code GROUP_<id>}.
 */
@Component
public class CamundaIdentityAuthenticationProvider implements AuthenticationProvider {

    private final CredentialCache credentials;

    public CamundaIdentityAuthenticationProvider(CredentialCache credentials) {
        this.credentials = credentials;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String user = authentication.getName();
        Object credentials = authentication.getCredentials();
        CredentialCache.SignedIn signedIn = this.credentials.authenticate(user, credentials == null ? null : credentials.toString())
                .orElseThrow(() -> new BadCredentialsException("Bad credentials"));
        List<SimpleGrantedAuthority> authorities = signedIn.groups().stream()
                .map(Caller::authority)
                .map(SimpleGrantedAuthority::new)
                .toList();
        return UsernamePasswordAuthenticationToken.authenticated(user, null, authorities);
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
