package com.disclosuredesk.dsa;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.path.NodePath;

import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * The DSA Transparency Database's rules for a statement of reasons, as the project's JSON Schema
 * ({@code src/main/resources/dsa/statement.schema.json}, each rule with its origin in the Database's source; see
 * docs/transparency.md "The statement-of-reasons export"). Loaded once. Every statement is checked here before it is
 * queued ({@link StatementQueue}): one that fails is an incident ({@link InvalidStatementException}), never a silent
 * drop.
 * <p>
 * A violation names the field and the rule it breaks (e.g. {@code illegal_content_explanation: required},
 * {@code puid: pattern}), never the value: a statement carries the moderator's explanation, and this list goes into
 * exception messages, logs and Cockpit incidents.
 */
@Component
public class StatementSchema {

    /** The schema on the class path. */
    public static final String LOCATION = "dsa/statement.schema.json";

    private final Schema schema;

    public StatementSchema() {
        try (InputStream in = new ClassPathResource(LOCATION).getInputStream()) {
            JsonNode node = new ObjectMapper().readTree(in);
            this.schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12).getSchema(node);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + LOCATION, e);
        }
    }

    /**
     * The rules the statement breaks, each as {@code field: rule} ({@code (statement)} for rules on the whole object,
     * such as "at least one restriction"), without duplicates; empty when it is valid.
     */
    public List<String> violations(JsonNode statement) {
        Set<String> out = new LinkedHashSet<>();
        for (Error error : schema.validate(statement)) {
            out.add(describe(error));
        }
        return new ArrayList<>(out);
    }

    /** Throws {@link InvalidStatementException} naming the violations (no values) unless the statement is valid. */
    public void check(JsonNode statement, String what) {
        List<String> violations = violations(statement);
        if (!violations.isEmpty()) {
            throw new InvalidStatementException(what, violations);
        }
    }

    private static String describe(Error error) {
        String location = path(error.getInstanceLocation());
        String keyword = error.getKeyword() == null ? "invalid" : error.getKeyword();
        // required / additionalProperties / dependentRequired name a property of the object at the location
        String property = error.getProperty();
        if (property != null && ("required".equals(keyword) || "additionalProperties".equals(keyword)
                || "dependentRequired".equals(keyword))) {
            String field = location.isEmpty() ? property : location + "." + property;
            return field + ": " + ("additionalProperties".equals(keyword) ? "not allowed" : keyword);
        }
        if (("false".equals(keyword) || "not".equals(keyword)) && !location.isEmpty()) {
            return location + ": not allowed";
        }
        return (location.isEmpty() ? "(statement)" : location) + ": " + keyword;
    }

    /** The instance location as {@code content_type[0]}; the root is empty. Field names and indexes only, never values. */
    private static String path(NodePath location) {
        if (location == null) {
            return "";
        }
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < location.getNameCount(); i++) {
            Object element = location.getElement(i);
            if (element instanceof Integer index) {
                out.append('[').append(index).append(']');
            } else {
                if (out.length() > 0) {
                    out.append('.');
                }
                out.append(element);
            }
        }
        return out.toString();
    }
}
