package com.disclosuredesk.order;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Phone numbers in E.164 form ({@code +} and 7 to 15 digits, the country code not starting with 0).
 *
 * <p>Error messages never contain the number itself: phone numbers are personal data.
 */
public final class PhoneNumbers {

    /** E.164: "+", then 7 to 15 digits, the first (of the country code) not 0. */
    private static final Pattern E164 = Pattern.compile("\\+[1-9][0-9]{6,14}");

    /** Separators people write inside numbers: whitespace, dashes (also typographic ones), dots, slashes. */
    private static final Pattern SEPARATORS = Pattern.compile("[\\s\\u00A0\\u2007\\u202F\\-\\u2010-\\u2015\\u2212./]");

    private PhoneNumbers() {
    }

    /**
     * Normalizes a written phone number in international form to E.164: removes spaces, dashes,
     * dots, slashes and parentheses (and the national trunk prefix written as {@code (0)}), and
     * turns an international {@code 00} prefix into {@code +}. {@code +49 151 1234-5678},
     * {@code 0049 (0)151 12345678} and {@code +4915112345678} all become {@code +4915112345678}.
     *
     * @throws IllegalArgumentException if the number is missing or not in international form;
     *                                  the message does not contain the number
     */
    public static String normalizeE164(String phoneNumber) {
        if (phoneNumber == null || phoneNumber.isBlank()) {
            throw new IllegalArgumentException("phone number is missing");
        }
        String s = phoneNumber.strip();
        if (s.startsWith("+") || s.startsWith("00")) {
            s = s.replace("(0)", "");
        }
        s = SEPARATORS.matcher(s).replaceAll("").replace("(", "").replace(")", "");
        if (s.startsWith("00")) {
            s = "+" + s.substring(2);
        }
        if (!E164.matcher(s).matches()) {
            throw new IllegalArgumentException("phone number is not a valid E.164 number");
        }
        return s;
    }

    /** Like {@link #normalizeE164(String)}, empty instead of an exception. */
    public static Optional<String> tryNormalizeE164(String phoneNumber) {
        try {
            return Optional.of(normalizeE164(phoneNumber));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** Whether the text is already exactly in E.164 form (no separators). */
    public static boolean isE164(String phoneNumber) {
        return phoneNumber != null && E164.matcher(phoneNumber).matches();
    }
}
