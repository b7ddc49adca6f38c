package com.disclosuredesk.security;

import java.util.Set;

import com.disclosuredesk.process.LegalOrderProcess;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;

/** Who is calling the application's API, in terms of the Camunda groups it belongs to. */
public final class Caller {

    public static final String GROUP_PREFIX = "GROUP_";

    private static final Set<String> STAFF = Set.of(
            GROUP_PREFIX + LegalOrderProcess.GROUP_ADMIN,
            GROUP_PREFIX + LegalOrderProcess.GROUP_ANALYSTS,
            GROUP_PREFIX + LegalOrderProcess.GROUP_APPROVERS);

    private Caller() {}

    /** Legal staff and administrators may read every order; intake systems only their own. */
    public static boolean isStaff(Authentication authentication) {
        return authentication != null && authentication.getAuthorities().stream()
                .map(GrantedAuthority::getAuthority).anyMatch(STAFF::contains);
    }

    public static String authority(String group) {
        return GROUP_PREFIX + group;
    }
}
