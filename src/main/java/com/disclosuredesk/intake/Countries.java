package com.disclosuredesk.intake;

import java.util.Locale;
import java.util.Set;

/** ISO 3166-1 alpha-2 codes, as the JDK knows them. */
final class Countries {

    private static final Set<String> ASSIGNED = Set.of(Locale.getISOCountries());

    private Countries() {}

    static boolean isAssigned(String code) {
        return ASSIGNED.contains(code);
    }
}
