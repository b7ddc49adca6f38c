package com.disclosuredesk.preservation;

import static com.disclosuredesk.preservation.PreservationFixture.PHONE_TWO;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;

import com.disclosuredesk.disclosure.PackageJson;
import com.disclosuredesk.order.DataCategory;
import com.disclosuredesk.order.OrderType;
import com.disclosuredesk.order.Target;
import com.disclosuredesk.order.TargetType;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * The JSON documents of a disclosure (the package) and of a preservation (the snapshot) against golden samples
 * captured from the implementation that built them as maps (before issue 15). Every shape is covered: a snapshot
 * with data, NO_DATA and an IP entry without port; a package that builds on a held snapshot (PRESERVED and LIVE
 * targets, with and without data); one whose snapshot was deleted (NOT_HELD, phone number only); one without a
 * preservation (both categories).
 *
 * <p>The samples are the old implementation's bytes with one adjustment: it wrote {@code authority},
 * {@code legalBasis} and a target's {@code source}/{@code preservation} from {@code Map.of}, whose iteration order
 * changes from one JVM run to the next; the samples have those members in the documented order
 * (docs/disclosure.md), which the records now fix. Everything else is byte for byte what the maps gave, and the
 * records must give it byte for byte, through the application's own {@code ObjectMapper} bean (taken from the
 * application context that the HTTP tests share, with every customization the application makes): the digest is
 * taken over these bytes.
 *
 * <p>Run with {@code -Dgolden.capture=true} to (re)write the samples into src/test/resources/golden/disclosure.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        // the same context as the HTTP tests: one engine named "default"
        "camunda.bpm.generate-unique-process-engine-name=false", "camunda.bpm.process-engine-name=default"})
@ActiveProfiles({"demo", "test"})
class PackageGoldenTest {

    static final String PRESERVATION = "LO-2026-000001";
    /** Not a whole second: the fraction shows how instants are written. */
    static final Instant PRESERVED_AT = Instant.parse("2026-11-22T09:15:03.441500Z");

    /** The application's, with its ObjectMapper. */
    @Autowired
    PackageJson packageJson;

    PreservationFixture f;

    @BeforeEach
    void setUp() {
        f = new PreservationFixture(packageJson);
        // an IP entry whose port the platform did not log: written as "port" : null
        f.jdbc.update("INSERT INTO sub_ip_log (id, account_id, ip_address, port, seen_at) VALUES (?, ?, ?, NULL, ?)", 6, 100001,
                "2001:db8::1", PreservationFixture.utc(Instant.parse("2026-10-20T11:45:30.250Z")));
        f.order(PRESERVATION, OrderType.EU_PRESERVATION_ORDER, List.of(
                new Target(TargetType.USERNAME, "@suspect_one"),
                new Target(TargetType.PHONE, PHONE_TWO),
                new Target(TargetType.ACCOUNT_ID, "100003"),
                new Target(TargetType.USERNAME, "@nobody")), null);
        f.clock.set(PRESERVED_AT);
        f.preservations.preserve(PRESERVATION);
        f.clock.set(PreservationFixture.NOW);
    }

    @Test
    void snapshotAndPackagesAreWrittenAsBefore() throws Exception {
        check("snapshot.json", f.cipher.decrypt(f.storedSnapshot(PRESERVATION), PRESERVATION));

        f.order("LO-2026-000002", OrderType.COURT_ORDER, List.of(
                new Target(TargetType.USERNAME, "@suspect_one"),      // preserved: PRESERVED, DATA
                new Target(TargetType.ACCOUNT_ID, "100002"),          // the account the preserved phone resolved to
                new Target(TargetType.USERNAME, "@suspect_three"),    // not preserved as a username: LIVE
                new Target(TargetType.USERNAME, "@nobody"),           // preserved as NO_DATA: PRESERVED, NO_DATA
                new Target(TargetType.PHONE, "+4915100000009")),      // unknown: LIVE, NO_DATA
                PRESERVATION);
        f.disclosure.disclose("LO-2026-000002", EnumSet.of(DataCategory.IP_ADDRESS), "analyst", "approver",
                PreservationFixture.NOW);
        check("package-held.json", packageOf("LO-2026-000002"));

        f.preservations.deleteSnapshot(PRESERVATION);
        f.order("LO-2026-000003", OrderType.COURT_ORDER, List.of(new Target(TargetType.USERNAME, "@suspect_one"),
                new Target(TargetType.PHONE, PHONE_TWO)), PRESERVATION);
        f.disclosure.disclose("LO-2026-000003", EnumSet.of(DataCategory.PHONE_NUMBER), "analyst", "approver",
                PreservationFixture.NOW);
        check("package-not-held.json", packageOf("LO-2026-000003"));

        f.clock.set(Instant.parse("2026-11-22T18:30:01.123Z"));
        f.order("LO-2026-000004", OrderType.SEARCH_WARRANT, List.of(new Target(TargetType.USERNAME, "@suspect_one"),
                new Target(TargetType.USERNAME, "@nobody")), null);
        f.disclosure.disclose("LO-2026-000004", EnumSet.of(DataCategory.IP_ADDRESS, DataCategory.PHONE_NUMBER), "analyst",
                "approver", PreservationFixture.NOW);
        check("package-live.json", packageOf("LO-2026-000004"));
    }

    private byte[] packageOf(String trackingNumber) {
        return f.cipher.decrypt(f.disclosures.content(trackingNumber).orElseThrow(), trackingNumber);
    }

    private static void check(String name, byte[] actual) throws IOException {
        if (Boolean.getBoolean("golden.capture")) {
            Files.write(Path.of("src/test/resources/golden/disclosure", name), actual);
            return;
        }
        byte[] golden;
        try (InputStream in = PackageGoldenTest.class.getResourceAsStream("/golden/disclosure/" + name)) {
            golden = in.readAllBytes();
        }
        assertThat(new String(actual, StandardCharsets.UTF_8)).as(name).isEqualTo(new String(golden, StandardCharsets.UTF_8));
        assertThat(actual).as(name).isEqualTo(golden);
    }
}
