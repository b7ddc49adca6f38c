package com.disclosuredesk.common;

import java.util.Locale;
import java.util.Set;

/** ISO 3166-1 alpha-2 codes, as the JDK knows them. */
public final class Countries {

    private static final Set<String> ASSIGNED = Set.of(Locale.getISOCountries());

    private Countries() {}

    public static boolean isAssigned(String code) {
        return ASSIGNED.contains(code);
    }
}
