package com.disclosuredesk.verification;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;


import com.disclosuredesk.common.Sequences;
import com.disclosuredesk.common.Countries;
import com.disclosuredesk.web.FieldProblem;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** The registry of known authorities (table dd_known_authority). */
@Service
public class AuthorityRegistry {

    static final String UNKNOWN_AUTHORITY = "Unknown authority: not in the registry of known authorities. "
            + "Verify it through an official directory before calling back.";

    static final int NAME_MAX = 200;
    static final int DOMAIN_MAX = 253;
    static final int CONTACT_MAX = 500;

    /**
     * A domain name in ASCII (internationalized names in their xn-- form): at least two dot-separated labels of
     * letters, digits and hyphens (1 to 63 characters, no hyphen at either end), the last one not numeric.
     */
    private static final Pattern DOMAIN = Pattern.compile(
            "^(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\\.)+(?:[a-z]{2,63}|xn--[a-z0-9-]{1,59})$");

    private static final Pattern CONTROL = Pattern.compile("\\p{Cntrl}");

    private static final String COLUMNS = "id, country, name, contact_domain, known_contact, verified_by, verified_at";

    private final JdbcClient jdbc;
    private final Clock clock;
    private final Sequences sequences;

    public AuthorityRegistry(JdbcClient jdbc, Sequences sequences, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.sequences = sequences;
    }

    /** The registered authority of that country and name (name compared case-insensitively, trimmed). */
    public Optional<KnownAuthority> find(String country, String name) {
        if (country == null || name == null || name.isBlank()) {
            return Optional.empty();
        }
        return jdbc.sql("SELECT " + COLUMNS + " FROM dd_known_authority WHERE country = ? AND name_key = ?")
                .params(country.strip().toUpperCase(Locale.ROOT), nameKey(name))
                .query((rs, i) -> map(rs))
                .optional();
    }

    public Optional<KnownAuthority> find(long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM dd_known_authority WHERE id = ?")
                .param(id).query((rs, i) -> map(rs)).optional();
    }

    /** Registers (or re-verifies, updating domain, contact, verifier and time) an authority. */
    public KnownAuthority register(String country, String name, String contactDomain, String knownContact, String verifiedBy) {
        return save(country, name, contactDomain, knownContact, verifiedBy).authority();
    }

    /** The outcome of {@link #save}: the authority as stored, and whether it was new to the registry. */
    public record Registration(KnownAuthority authority, boolean created) {}

    /**
     * Like {@link #register}, telling whether the authority was new. Refuses invalid input with every offending
     * field named ({@link AuthorityInputException}); stores the name trimmed and the domain in lower case.
     */
    public Registration save(String country, String name, String contactDomain, String knownContact, String verifiedBy) {
        List<FieldProblem> problems = problems(country, name, contactDomain, knownContact);
        if (!problems.isEmpty()) {
            throw new AuthorityInputException(problems);
        }
        if (verifiedBy == null || verifiedBy.isBlank()) {
            throw new IllegalArgumentException("the verifying user is missing");
        }
        String storedName = name.strip();
        String domain = contactDomain.strip().toLowerCase(Locale.ROOT);
        String contact = knownContact.strip();
        OffsetDateTime now = clock.instant().atOffset(ZoneOffset.UTC);
        boolean created = false;
        if (update(country, storedName, domain, contact, verifiedBy, now) == 0) {
            try {
                jdbc.sql("""
                        INSERT INTO dd_known_authority (id, country, name, name_key, contact_domain, known_contact, verified_by,
                            verified_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                        """)
                        .params(sequences.next("dd_known_authority_seq"), country, storedName, nameKey(storedName), domain, contact, verifiedBy, now)
                        .update();
                created = true;
            } catch (DuplicateKeyException registeredMeanwhile) {
                update(country, storedName, domain, contact, verifiedBy, now);
            }
        }
        return new Registration(find(country, storedName).orElseThrow(), created);
    }

    private int update(String country, String name, String domain, String contact, String verifiedBy, OffsetDateTime now) {
        return jdbc.sql("""
                UPDATE dd_known_authority SET name = ?, contact_domain = ?, known_contact = ?, verified_by = ?, verified_at = ?
                WHERE country = ? AND name_key = ?
                """)
                .params(name, domain, contact, verifiedBy, now, country, nameKey(name))
                .update();
    }

    public List<KnownAuthority> list() {
        return jdbc.sql("SELECT " + COLUMNS + " FROM dd_known_authority ORDER BY country, name_key")
                .query((rs, i) -> map(rs)).list();
    }

    /**
     * Checks an order's requester against the registry: unknown authority → warning; registered but the e-mail's
     * domain (after '@', case-insensitive; sub-domains of the official domain match) differs → warning naming both
     * domains; registered and matching → no warning.
     */
    public RequesterCheck check(String country, String name, String contactEmail) {
        Optional<KnownAuthority> known = find(country, name);
        if (known.isEmpty()) {
            return new RequesterCheck(Optional.empty(), false, UNKNOWN_AUTHORITY);
        }
        KnownAuthority authority = known.get();
        String registered = " (registered by " + authority.verifiedBy() + " on "
                + authority.verifiedAt().atOffset(ZoneOffset.UTC).toLocalDate() + ")";
        Optional<String> domain = domainOf(contactEmail);
        if (domain.isEmpty()) {
            return new RequesterCheck(known, false, "The order gives no contact e-mail to compare with the registered official domain "
                    + authority.contactDomain() + registered + ".");
        }
        if (belongsTo(domain.get(), authority.contactDomain())) {
            return new RequesterCheck(known, true, null);
        }
        return new RequesterCheck(known, false, "Contact e-mail domain " + domain.get()
                + " does not match the registered official domain " + authority.contactDomain() + registered + ".");
    }

    /** The domain of an e-mail address (after its last '@'), in lower case; empty when there is none. */
    static Optional<String> domainOf(String email) {
        if (email == null) {
            return Optional.empty();
        }
        int at = email.lastIndexOf('@');
        String domain = email.substring(at + 1).strip().toLowerCase(Locale.ROOT);
        if (at < 0 || domain.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(domain.endsWith(".") ? domain.substring(0, domain.length() - 1) : domain);
    }

    /** The domain is the official one or one of its sub-domains (label by label: notsta.berlin.example is not). */
    static boolean belongsTo(String domain, String officialDomain) {
        String d = domain.toLowerCase(Locale.ROOT);
        String official = officialDomain.toLowerCase(Locale.ROOT);
        return d.equals(official) || d.endsWith("." + official);
    }

    /** The name trimmed, runs of white space as one space, in lower case: as orders' authority keys compare names. */
    static String nameKey(String name) {
        return name.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }

    /** Every offending field of a registration, named as in the JSON body; messages never repeat the value. */
    static List<FieldProblem> problems(String country, String name, String contactDomain, String knownContact) {
        List<FieldProblem> problems = new ArrayList<>();
        if (country == null || country.isBlank()) {
            problems.add(new FieldProblem("country", "must not be blank"));
        } else if (!country.matches("^[A-Z]{2}$")) {
            problems.add(new FieldProblem("country", "must be an ISO 3166-1 alpha-2 code such as DE"));
        } else if (!Countries.isAssigned(country)) {
            problems.add(new FieldProblem("country", "must be an assigned ISO 3166-1 alpha-2 country code"));
        }
        text(problems, "name", name, NAME_MAX);
        if (contactDomain == null || contactDomain.isBlank()) {
            problems.add(new FieldProblem("contactDomain", "must not be blank"));
        } else if (contactDomain.strip().length() > DOMAIN_MAX) {
            problems.add(new FieldProblem("contactDomain", "must be at most " + DOMAIN_MAX + " characters"));
        } else if (!DOMAIN.matcher(contactDomain.strip().toLowerCase(Locale.ROOT)).matches()) {
            problems.add(new FieldProblem("contactDomain", "must be a domain name such as sta.berlin.example: dot-separated labels "
                    + "of letters, digits and hyphens (internationalized names in their xn-- form), without @, scheme, port or path"));
        }
        text(problems, "knownContact", knownContact, CONTACT_MAX);
        return problems;
    }

    private static void text(List<FieldProblem> problems, String field, String value, int max) {
        if (value == null || value.isBlank()) {
            problems.add(new FieldProblem(field, "must not be blank"));
        } else if (value.strip().length() > max) {
            problems.add(new FieldProblem(field, "must be at most " + max + " characters"));
        } else if (CONTROL.matcher(value).find()) {
            problems.add(new FieldProblem(field, "must be one line of text without control characters"));
        }
    }

    private static KnownAuthority map(ResultSet rs) throws SQLException {
        return new KnownAuthority(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                rs.getString(6), rs.getObject(7, OffsetDateTime.class).toInstant());
    }
}
