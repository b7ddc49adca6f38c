package com.disclosuredesk.web;

import java.util.List;

/**
 * Whole numbers in query parameters (feeds' {@code after} and {@code limit}, pages), read the one way every
 * controller reads them: absent → the default; surrounding spaces ignored; anything else that is not a whole number
 * in [min, max] → a {@link FieldProblem} with the caller's message (never the value), and the default is returned
 * so that every parameter is checked before the caller answers 400 naming all of them.
 */
public final class QueryNumbers {

    private QueryNumbers() {}

    public static long whole(String text, long absent, long min, long max, String field, String message,
                             List<FieldProblem> problems) {
        if (text == null) {
            return absent;
        }
        try {
            long value = Long.parseLong(text.strip());
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        problems.add(new FieldProblem(field, message));
        return absent;
    }
}
