package com.disclosuredesk.intake;

import com.disclosuredesk.web.FieldProblem;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.disclosuredesk.order.DataCategory;
import com.disclosuredesk.order.IssuerType;
import com.disclosuredesk.order.Offence;
import com.disclosuredesk.order.OrderType;
import com.disclosuredesk.order.TargetType;
import com.disclosuredesk.order.PhoneNumbers;
import com.disclosuredesk.process.LegalOrderVariables;

import org.camunda.spin.Spin;
import org.camunda.spin.json.SpinJsonNode;

/**
 * Turns the variables of the Tasklist start form (or of an engine REST start) into an
 * {@link OrderSubmission}. Field names are those of the start form; problems name the form field and
 * never echo what was typed.
 */
public final class StartFormOrderMapper {

    private StartFormOrderMapper() {}

    public static OrderSubmission toSubmission(Map<String, Object> form) {
        List<FieldProblem> problems = new ArrayList<>();
        OrderSubmission submission = new OrderSubmission(
                text(form, "orderReference"),
                enumValue(form, "orderType", OrderType.class, problems),
                new OrderSubmission.Authority(text(form, "authorityName"), upper(text(form, "authorityCountry")),
                        text(form, "authorityContactEmail")),
                new OrderSubmission.Issuer(enumValue(form, "issuerType", IssuerType.class, problems), text(form, "issuerName")),
                date(form, "issuedOn", problems),
                date(form, "validUntil", problems),
                enumValue(form, "offence", Offence.class, problems),
                bool(form, "suspectConfirmed"),
                bool(form, "emergency"),
                text(form, "emergencyFacts"),
                targets(text(form, "targetList")),
                categories(form.get("dataCategories"), problems),
                new OrderSubmission.Period(periodStart(form, "periodFrom", problems), periodEnd(form, "periodTo", problems)),
                date(form, "nonDisclosureUntil", problems),
                text(form, "documentSha256"),
                // the start form has no reference to a preservation order: paper orders build on live data
                null);
        if (!problems.isEmpty()) {
            throw new OrderInputException(problems);
        }
        return submission;
    }

    /** One target a line: {@code @username}, digits for an account id, {@code +} and digits for a phone number. */
    static List<OrderSubmission.TargetSpec> targets(String list) {
        List<OrderSubmission.TargetSpec> targets = new ArrayList<>();
        if (list == null) {
            return targets;
        }
        for (String line : list.split("\\R")) {
            String value = line.trim();
            if (value.isEmpty()) {
                continue;
            }
            if (value.startsWith("@")) {
                targets.add(new OrderSubmission.TargetSpec(TargetType.USERNAME, value));
            } else if (value.startsWith("+") || value.startsWith("00")) {
                String normalized = PhoneNumbers.tryNormalizeE164(value).orElse(null);
                targets.add(new OrderSubmission.TargetSpec(TargetType.PHONE, normalized == null ? value : normalized));
            } else {
                targets.add(new OrderSubmission.TargetSpec(TargetType.ACCOUNT_ID, value));
            }
        }
        return targets;
    }

    private static String text(Map<String, Object> form, String name) {
        Object value = form.get(name);
        if (value == null) {
            return null;
        }
        String text = value.toString().trim();
        return text.isEmpty() ? null : text;
    }

    private static String upper(String value) {
        return value == null ? null : value.toUpperCase();
    }

    private static Boolean bool(Map<String, Object> form, String name) {
        Object value = form.get(name);
        if (value instanceof Boolean b) {
            return b;
        }
        return value != null && Boolean.parseBoolean(value.toString());
    }

    private static <E extends Enum<E>> E enumValue(Map<String, Object> form, String name, Class<E> type, List<FieldProblem> problems) {
        String value = text(form, name);
        if (value == null) {
            return null;
        }
        try {
            return Enum.valueOf(type, value);
        } catch (IllegalArgumentException e) {
            problems.add(new FieldProblem(name, "must be one of " + EnumSet.allOf(type)));
            return null;
        }
    }

    private static LocalDate date(Map<String, Object> form, String name, List<FieldProblem> problems) {
        Object value = form.get(name);
        if (value instanceof java.util.Date d) {
            return LocalDate.ofInstant(d.toInstant(), ZoneOffset.UTC);
        }
        String text = text(form, name);
        if (text == null) {
            return null;
        }
        try {
            return LocalDate.parse(text.length() > 10 ? text.substring(0, 10) : text);
        } catch (DateTimeParseException e) {
            problems.add(new FieldProblem(name, "must be a date in the form YYYY-MM-DD"));
            return null;
        }
    }

    /** A period starts at the beginning of its first day (UTC), or at the exact instant given. */
    private static Instant periodStart(Map<String, Object> form, String name, List<FieldProblem> problems) {
        return instantOrDay(form, name, problems, false);
    }

    /** A period given in days includes its last day: it ends at the start of the day after (UTC). */
    private static Instant periodEnd(Map<String, Object> form, String name, List<FieldProblem> problems) {
        return instantOrDay(form, name, problems, true);
    }

    private static Instant instantOrDay(Map<String, Object> form, String name, List<FieldProblem> problems, boolean end) {
        String text = text(form, name);
        if (text == null) {
            return null;
        }
        try {
            if (text.length() > 10) {
                return Instant.parse(text);
            }
            LocalDate day = LocalDate.parse(text);
            return (end ? day.plusDays(1) : day).atStartOfDay(ZoneOffset.UTC).toInstant();
        } catch (DateTimeParseException e) {
            problems.add(new FieldProblem(name, "must be a date YYYY-MM-DD or an ISO-8601 instant"));
            return null;
        }
    }

    static Set<DataCategory> categories(Object value, List<FieldProblem> problems) {
        Collection<?> names;
        if (value == null) {
            return Set.of();
        } else if (value instanceof SpinJsonNode node) {
            names = node.isArray() ? node.elements().stream().map(SpinJsonNode::stringValue).toList() : List.of();
        } else if (value instanceof Collection<?> c) {
            names = c;
        } else {
            String text = value.toString().trim();
            try {
                names = text.startsWith("[") ? LegalOrderVariables.textsOf(Spin.JSON(text))
                        : List.of(text.split("\\s*,\\s*"));
            } catch (Exception e) {
                problems.add(new FieldProblem("dataCategories", "must be a list of data categories"));
                return Set.of();
            }
        }
        Set<DataCategory> categories = EnumSet.noneOf(DataCategory.class);
        for (Object name : names) {
            try {
                if (!String.valueOf(name).isBlank()) {
                    categories.add(DataCategory.valueOf(String.valueOf(name).trim()));
                }
            } catch (IllegalArgumentException e) {
                problems.add(new FieldProblem("dataCategories", "must contain only " + EnumSet.allOf(DataCategory.class)));
            }
        }
        return categories;
    }
}
