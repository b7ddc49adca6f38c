package com.disclosuredesk.verification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import com.disclosuredesk.common.Sequences;
import com.disclosuredesk.web.FieldProblem;
import com.disclosuredesk.support.MigratedDatabase;
import com.disclosuredesk.support.MutableClock;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/** The registry of known authorities on the migrated schema: registration, look-up and the requester check. */
class AuthorityRegistryTest {

    static final Instant REGISTERED = Instant.parse("2026-11-02T09:30:00Z");

    MutableClock clock;
    AuthorityRegistry registry;
    JdbcTemplate jdbc;

    @BeforeEach
    void registry() {
        var db = MigratedDatabase.newDatabase();
        clock = new MutableClock(REGISTERED);
        registry = new AuthorityRegistry(JdbcClient.create(db), new Sequences(db), clock);
        jdbc = new JdbcTemplate(db);
        registry.register("DE", "Staatsanwaltschaft Berlin", "sta.berlin.example", "+49 30 9014-0 (switchboard), cybercrime desk",
                "analyst");
    }

    @Test
    void aRegisteredAuthorityWithAMatchingDomainIsRecognizedWithoutWarning() {
        RequesterCheck check = registry.check("DE", "Staatsanwaltschaft Berlin", "cybercrime@sta.berlin.example");

        assertThat(check.recognized()).isTrue();
        assertThat(check.domainMatches()).isTrue();
        assertThat(check.warning()).isNull();
        KnownAuthority known = check.knownAuthority().orElseThrow();
        assertThat(known.knownContact()).isEqualTo("+49 30 9014-0 (switchboard), cybercrime desk");
        assertThat(known.verifiedBy()).isEqualTo("analyst");
        assertThat(known.verifiedAt()).isEqualTo(REGISTERED);
    }

    @Test
    void subDomainsOfTheOfficialDomainMatchAndCaseDoesNotMatter() {
        assertThat(registry.check("DE", "Staatsanwaltschaft Berlin", "desk@cyber.sta.berlin.example").recognized()).isTrue();
        assertThat(registry.check("DE", "Staatsanwaltschaft Berlin", "Desk@STA.Berlin.Example").recognized()).isTrue();
        assertThat(registry.check("DE", "  staatsanwaltschaft   BERLIN ", "desk@sta.berlin.example").recognized()).isTrue();
    }

    @Test
    void aDifferentDomainIsAWarningNamingBothDomainsAndTheVerification() {
        RequesterCheck check = registry.check("DE", "Staatsanwaltschaft Berlin", "cybercrime@mail.example");

        assertThat(check.recognized()).isFalse();
        assertThat(check.knownAuthority()).isPresent();
        assertThat(check.domainMatches()).isFalse();
        assertThat(check.warning()).isEqualTo("Contact e-mail domain mail.example does not match the registered official domain "
                + "sta.berlin.example (registered by analyst on 2026-11-02).");
    }

    @Test
    void lookAlikeDomainsDoNotMatch() {
        assertThat(registry.check("DE", "Staatsanwaltschaft Berlin", "a@notsta.berlin.example").domainMatches()).isFalse();
        assertThat(registry.check("DE", "Staatsanwaltschaft Berlin", "a@sta.berlin.example.attacker.test").domainMatches()).isFalse();
        assertThat(registry.check("DE", "Staatsanwaltschaft Berlin", "a@berlin.example").domainMatches()).isFalse();
        assertThat(registry.check("DE", "Staatsanwaltschaft Berlin", "sta.berlin.example@attacker.test").domainMatches()).isFalse();
    }

    @Test
    void anUnknownAuthorityIsAWarning() {
        RequesterCheck check = registry.check("DE", "Staatsanwaltschaft Hamburg", "desk@sta.berlin.example");

        assertThat(check.recognized()).isFalse();
        assertThat(check.knownAuthority()).isEmpty();
        assertThat(check.warning()).isEqualTo("Unknown authority: not in the registry of known authorities. "
                + "Verify it through an official directory before calling back.");
        // the same name in another country is another authority
        assertThat(registry.check("AT", "Staatsanwaltschaft Berlin", "cybercrime@sta.berlin.example").knownAuthority()).isEmpty();
    }

    @Test
    void anOrderWithoutContactEmailIsAWarningOnARegisteredAuthority() {
        for (String email : new String[] {null, "", "no-at-sign"}) {
            RequesterCheck check = registry.check("DE", "Staatsanwaltschaft Berlin", email);
            assertThat(check.recognized()).isFalse();
            assertThat(check.knownAuthority()).isPresent();
            assertThat(check.warning()).contains("no contact e-mail").contains("sta.berlin.example")
                    .contains("registered by analyst on 2026-11-02");
        }
    }

    @Test
    void domainOfAnEmailIsTheLowerCasePartAfterTheLastAt() {
        assertThat(AuthorityRegistry.domainOf("Desk@STA.Berlin.Example")).contains("sta.berlin.example");
        assertThat(AuthorityRegistry.domainOf("\"a@b\"@sta.berlin.example.")).contains("sta.berlin.example");
        assertThat(AuthorityRegistry.domainOf("desk@")).isEmpty();
        assertThat(AuthorityRegistry.domainOf("desk")).isEmpty();
        assertThat(AuthorityRegistry.domainOf(null)).isEmpty();
    }

    @Test
    void registeringAgainReVerifiesTheSameEntry() {
        long id = registry.find("DE", "Staatsanwaltschaft Berlin").orElseThrow().id();
        clock.advance(Duration.ofDays(30));

        AuthorityRegistry.Registration again = registry.save("DE", "STAATSANWALTSCHAFT  Berlin", "Berlin.Example", "+49 30 9014-1",
                "analyst2");

        assertThat(again.created()).isFalse();
        assertThat(again.authority().id()).isEqualTo(id);
        assertThat(again.authority().contactDomain()).isEqualTo("berlin.example");
        assertThat(again.authority().knownContact()).isEqualTo("+49 30 9014-1");
        assertThat(again.authority().verifiedBy()).isEqualTo("analyst2");
        assertThat(again.authority().verifiedAt()).isEqualTo(REGISTERED.plus(Duration.ofDays(30)));
        assertThat(registry.list()).hasSize(1);
        assertThat(jdbc.queryForObject("SELECT name_key FROM dd_known_authority", String.class))
                .isEqualTo("staatsanwaltschaft berlin");
    }

    @Test
    void listIsOrderedByCountryAndName() {
        registry.register("US", "U.S. District Court", "cand.uscourts.example", "+1 415 555-0100", "analyst");
        registry.register("DE", "Polizei Berlin", "polizei.berlin.example", "+49 30 4664-0", "analyst");

        assertThat(registry.list()).extracting(KnownAuthority::name)
                .containsExactly("Polizei Berlin", "Staatsanwaltschaft Berlin", "U.S. District Court");
        AuthorityRegistry.Registration created = registry.save("FR", "Parquet de Paris", "justice.example", "+33 1 00 00 00 00", "approver");
        assertThat(created.created()).isTrue();
        assertThat(registry.find(created.authority().id())).contains(created.authority());
    }

    @Test
    void invalidRegistrationsNameEveryFieldAndStoreNothing() {
        assertThatThrownBy(() -> registry.register("de", " ", "https://sta.berlin.example/", "", "analyst"))
                .isInstanceOfSatisfying(AuthorityInputException.class, e -> assertThat(e.problems())
                        .extracting(FieldProblem::field).containsExactly("country", "name", "contactDomain", "knownContact"));
        assertThat(registry.list()).hasSize(1);
    }

    @Test
    void countriesMustBeAssignedCodes() {
        assertThat(fields(AuthorityRegistry.problems("XX", "A", "a.example", "c"))).containsExactly("country");
        assertThat(fields(AuthorityRegistry.problems("DEU", "A", "a.example", "c"))).containsExactly("country");
        assertThat(fields(AuthorityRegistry.problems(null, "A", "a.example", "c"))).containsExactly("country");
        assertThat(fields(AuthorityRegistry.problems("US", "A", "a.example", "c"))).isEmpty();
    }

    @Test
    void domainsMustBeDomainNames() {
        for (String good : List.of("sta.berlin.example", "STA.Berlin.Example", "a-b.example", "x.xn--p1ai", "gov.uk", " justiz.de ")) {
            assertThat(fields(AuthorityRegistry.problems("DE", "A", good, "c"))).as(good).isEmpty();
        }
        for (String bad : List.of("example", "@sta.berlin.example", "cybercrime@sta.berlin.example", "http://sta.berlin.example",
                "sta.berlin.example/path", "sta.berlin.example:443", "-sta.berlin.example", "sta-.berlin.example",
                "sta..berlin.example", "sta.berlin.example.", "10.0.0.1", "sta berlin.example", "stä.berlin.example",
                "a".repeat(64) + ".example", ("a".repeat(60) + ".").repeat(5) + "example")) {
            assertThat(fields(AuthorityRegistry.problems("DE", "A", bad, "c"))).as(bad).containsExactly("contactDomain");
        }
    }

    @Test
    void namesAndContactsAreOneLineOfBoundedText() {
        assertThat(fields(AuthorityRegistry.problems("DE", "A\nB", "a.example", "c\t"))).containsExactly("name", "knownContact");
        assertThat(fields(AuthorityRegistry.problems("DE", "A".repeat(201), "a.example", "c".repeat(501))))
                .containsExactly("name", "knownContact");
        assertThat(AuthorityRegistry.problems("DE", "A".repeat(201), "a.example", "c")).singleElement()
                .satisfies(p -> assertThat(p.message()).isEqualTo("must be at most 200 characters"));
    }

    private static List<String> fields(List<FieldProblem> problems) {
        return problems.stream().map(FieldProblem::field).toList();
    }
}
