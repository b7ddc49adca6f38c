package com.disclosuredesk.subscribers;

import static com.disclosuredesk.order.DataCategory.CONTACTS;
import static com.disclosuredesk.order.DataCategory.IP_ADDRESS;
import static com.disclosuredesk.order.DataCategory.PHONE_NUMBER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.springframework.jdbc.core.simple.JdbcClient;
import com.disclosuredesk.order.DataCategory;
import com.disclosuredesk.order.Target;
import com.disclosuredesk.order.TargetType;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.jdbc.core.JdbcTemplate;

class JdbcSubscriberDirectoryTest {

    private static final Set<DataCategory> BOTH = EnumSet.of(IP_ADDRESS, PHONE_NUMBER);

    private static Instant t(String instant) {
        return Instant.parse(instant);
    }

    private static Target account(long id) {
        return new Target(TargetType.ACCOUNT_ID, Long.toString(id));
    }

    private static Target username(String username) {
        return new Target(TargetType.USERNAME, username);
    }

    private static Target phone(String phone) {
        return new Target(TargetType.PHONE, phone);
    }

    /** A small hand-made directory for exact boundaries and username changes. */
    @Nested
    class OnFixture {

        private static SubscriberDirectory directory;

        @BeforeAll
        static void fixture() {
            DataSource ds = SubscriberTestDatabase.newDatabase();
            JdbcTemplate jdbc = new JdbcTemplate(ds);
            insertAccount(jdbc, 1, "@alice", "+4915112345678", "2024-01-01T00:00:00Z");
            insertAccount(jdbc, 3, "@carol", "+33612345678", "2024-01-01T00:00:00Z");
            insertAccount(jdbc, 4, "@shared", "+12125550142", "2025-06-01T00:00:00Z");
            insertAccount(jdbc, 5, "@eve", null, "2024-01-01T00:00:00Z");
            // carol was @shared until February 2026; account 4 was @dave and took @shared on 1 March 2026
            insertHistory(jdbc, 30, 3, "@shared", "2024-01-01T00:00:00Z", "2026-02-01T00:00:00Z");
            insertHistory(jdbc, 31, 3, "@carol", "2026-02-01T00:00:00Z", null);
            insertHistory(jdbc, 40, 4, "@dave", "2025-06-01T00:00:00Z", "2026-03-01T00:00:00Z");
            insertHistory(jdbc, 41, 4, "@shared", "2026-03-01T00:00:00Z", null);

            insertIp(jdbc, 10, 1, "91.12.34.56", 50001, "2026-02-28T23:59:59Z");
            insertIp(jdbc, 11, 1, "91.12.34.57", 50002, "2026-03-01T00:00:00Z");                 // = from: inside
            insertIp(jdbc, 13, 1, "2003:e1:aa:bb:cc:dd:ee:ff", 50003, "2026-03-20T08:00:00Z");
            insertIp(jdbc, 12, 1, "91.12.34.58", 50004, "2026-03-10T12:00:00.123456Z");
            insertIp(jdbc, 14, 1, "91.12.34.59", 50005, "2026-03-31T23:59:59.999999Z");           // just before to: inside
            insertIp(jdbc, 15, 1, "91.12.34.60", 50006, "2026-04-01T00:00:00Z");                 // = to: outside
            insertIp(jdbc, 30, 3, "86.200.1.1", 40000, "2026-01-10T00:00:00Z");
            insertIp(jdbc, 40, 4, "73.1.2.3", 40001, "2026-01-20T00:00:00Z");
            insertIp(jdbc, 41, 4, "73.1.2.4", null, "2026-03-20T00:00:00Z");
            directory = new JdbcSubscriberDirectory(JdbcClient.create(ds));
        }

        @Test
        void periodIncludesItsStartAndExcludesItsEndAndEntriesAreOrderedByTime() {
            TargetData data = directory.lookup(account(1), t("2026-03-01T00:00:00Z"), t("2026-04-01T00:00:00Z"), BOTH);

            assertThat(data.found()).isTrue();
            assertThat(data.accountId()).isEqualTo(1L);
            assertThat(data.username()).isEqualTo("@alice");
            assertThat(data.phoneNumber()).isEqualTo("+4915112345678");
            assertThat(data.ipEntries()).containsExactly(
                    new TargetData.IpEntry("91.12.34.57", 50002, t("2026-03-01T00:00:00Z")),
                    new TargetData.IpEntry("91.12.34.58", 50004, t("2026-03-10T12:00:00.123456Z")),
                    new TargetData.IpEntry("2003:e1:aa:bb:cc:dd:ee:ff", 50003, t("2026-03-20T08:00:00Z")),
                    new TargetData.IpEntry("91.12.34.59", 50005, t("2026-03-31T23:59:59.999999Z")));
        }

        @Test
        void periodBoundsCompareInstantsWhateverTheOffsetTheDataWasWrittenWith() {
            TargetData data = directory.lookup(account(1), t("2026-02-28T23:59:59Z"), t("2026-03-01T00:00:00Z"), BOTH);

            assertThat(data.ipEntries()).extracting(TargetData.IpEntry::port).containsExactly(50001);
        }

        @Test
        void aMissingPortIsNull() {
            TargetData data = directory.lookup(account(4), t("2026-03-01T00:00:00Z"), t("2026-04-01T00:00:00Z"), BOTH);

            assertThat(data.ipEntries()).singleElement().satisfies(e -> assertThat(e.port()).isNull());
        }

        @ParameterizedTest(name = "{0} during [{1}, {2}) -> account {3}")
        @CsvSource({
            // the username history: who had the name during the period
            "@shared, 2026-01-01T00:00:00Z, 2026-01-31T00:00:00Z, 3",
            "@shared, 2024-01-01T00:00:00Z, 2024-01-02T00:00:00Z, 3",
            "@shared, 2026-03-05T00:00:00Z, 2026-04-01T00:00:00Z, 4",
            "@shared, 2026-02-10T00:00:00Z, 2026-02-20T00:00:00Z, ",   // nobody had it
            "@shared, 2026-02-01T00:00:00Z, 2026-03-01T00:00:00Z, ",   // valid_to exclusive, valid_from vs. period end exclusive
            "@shared, 2026-01-15T00:00:00Z, 2026-03-15T00:00:00Z, 4",  // changed hands within the period: the last holder
            "@shared, 2023-01-01T00:00:00Z, 2024-01-01T00:00:00Z, ",   // before anyone had it
            "@dave, 2026-01-01T00:00:00Z, 2026-02-01T00:00:00Z, 4",    // former username during its validity
            "@dave, 2026-02-28T00:00:00Z, 2026-03-01T00:00:00Z, 4",
            "@dave, 2026-03-01T00:00:00Z, 2026-04-01T00:00:00Z, ",     // not after the rename
            "@carol, 2026-03-01T00:00:00Z, 2026-04-01T00:00:00Z, 3",   // current username, since the rename
            "@carol, 2025-01-01T00:00:00Z, 2025-02-01T00:00:00Z, ",    // not before it
            "@alice, 2024-06-01T00:00:00Z, 2024-07-01T00:00:00Z, 1",   // never renamed: current username since creation
            "@alice, 2030-01-01T00:00:00Z, 2030-02-01T00:00:00Z, 1",
            "@alice, 2023-01-01T00:00:00Z, 2023-02-01T00:00:00Z, ",    // before the account existed
            "ALICE, 2024-06-01T00:00:00Z, 2024-07-01T00:00:00Z, 1",    // without @, other case
            "' @Alice ', 2024-06-01T00:00:00Z, 2024-07-01T00:00:00Z, 1",
            "@nobody, 2024-06-01T00:00:00Z, 2030-07-01T00:00:00Z, ",
        })
        void usernamesResolveAsTheyWereDuringThePeriod(String name, Instant from, Instant to, Long expectedAccount) {
            TargetData data = directory.lookup(username(name), from, to, BOTH);

            if (expectedAccount == null) {
                assertThat(data).isEqualTo(TargetData.noData());
            } else {
                assertThat(data.found()).isTrue();
                assertThat(data.accountId()).isEqualTo(expectedAccount);
                assertThat(data.username()).isEqualTo(name.strip().toLowerCase().replaceFirst("^@?", "@"));
            }
        }

        @Test
        void lookupByIdOrPhoneReportsTheUsernameOfThePeriod() {
            assertThat(directory.lookup(account(4), t("2026-01-01T00:00:00Z"), t("2026-02-01T00:00:00Z"), BOTH).username())
                    .isEqualTo("@dave");
            assertThat(directory.lookup(account(4), t("2026-03-01T00:00:00Z"), t("2026-04-01T00:00:00Z"), BOTH).username())
                    .isEqualTo("@shared");
            assertThat(directory.lookup(phone("+1 212 555 0142"), t("2026-01-01T00:00:00Z"), t("2026-02-01T00:00:00Z"), BOTH)
                    .username()).isEqualTo("@dave");
            // renamed within the period: the later name
            assertThat(directory.lookup(account(4), t("2026-02-01T00:00:00Z"), t("2026-04-01T00:00:00Z"), BOTH).username())
                    .isEqualTo("@shared");
            // no history: the current username
            assertThat(directory.lookup(account(1), t("2026-02-01T00:00:00Z"), t("2026-04-01T00:00:00Z"), BOTH).username())
                    .isEqualTo("@alice");
        }

        @Test
        void anAccountWithoutPhoneNumberHasNone() {
            TargetData data = directory.lookup(account(5), t("2026-01-01T00:00:00Z"), t("2026-02-01T00:00:00Z"), BOTH);

            assertThat(data.found()).isTrue();
            assertThat(data.phoneNumber()).isNull();
            assertThat(data.ipEntries()).isEmpty();
            assertThat(data.hasData()).isFalse();
        }

        @Test
        void invalidArgumentsAreRejectedWithoutEchoingTheTarget() {
            Instant from = t("2026-01-01T00:00:00Z");
            assertThatThrownBy(() -> directory.lookup(phone("+4915112345678"), from, from, BOTH))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageNotContaining("4915112345678");
            assertThatThrownBy(() -> directory.lookup(phone("+4915112345678"), from, from.minusSeconds(1), BOTH))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> directory.lookup(null, from, from.plusSeconds(1), BOTH))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> directory.lookup(account(1), null, from, BOTH))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> directory.lookup(account(1), from, from.plusSeconds(1), null))
                    .isInstanceOf(IllegalArgumentException.class);
        }

        private static void insertAccount(JdbcTemplate jdbc, long id, String username, String phone, String createdAt) {
            jdbc.update("INSERT INTO sub_account (id, username, phone_e164, created_at) VALUES (?, ?, ?, ?)",
                    id, username, phone, odt(createdAt));
        }

        private static void insertHistory(JdbcTemplate jdbc, long id, long accountId, String username, String from, String to) {
            jdbc.update("INSERT INTO sub_username_history (id, account_id, username, valid_from, valid_to) VALUES (?, ?, ?, ?, ?)",
                    id, accountId, username, odt(from), to == null ? null : odt(to));
        }

        private static void insertIp(JdbcTemplate jdbc, long id, long accountId, String ip, Integer port, String seenAt) {
            // written with a non-UTC offset: the same instant
            jdbc.update("INSERT INTO sub_ip_log (id, account_id, ip_address, port, seen_at) VALUES (?, ?, ?, ?, ?)",
                    id, accountId, ip, port, Instant.parse(seenAt).atOffset(ZoneOffset.ofHours(2)));
        }

        private static OffsetDateTime odt(String instant) {
            return Instant.parse(instant).atOffset(ZoneOffset.UTC);
        }
    }

    /** The 5,000 generated demo accounts. */
    @Nested
    class OnDemoData {

        private static final Instant YEAR_FROM = SubscriberTestDatabase.ANCHOR.minus(Duration.ofDays(365));
        private static final Instant YEAR_TO = SubscriberTestDatabase.ANCHOR;

        private static JdbcTemplate jdbc;
        private static SubscriberDirectory directory;

        @BeforeAll
        static void demoData() {
            DataSource ds = SubscriberTestDatabase.demo();
            jdbc = new JdbcTemplate(ds);
            directory = new JdbcSubscriberDirectory(JdbcClient.create(ds));
        }

        @Test
        void lookupByUsernameIdAndPhoneFindTheSameAccount() {
            String phoneNumber = jdbc.queryForObject("SELECT phone_e164 FROM sub_account WHERE id = 100042", String.class);

            TargetData byUsername = directory.lookup(username("@demo0042"), YEAR_FROM, YEAR_TO, BOTH);
            TargetData byId = directory.lookup(account(100042), YEAR_FROM, YEAR_TO, BOTH);
            TargetData byPhone = directory.lookup(phone(phoneNumber), YEAR_FROM, YEAR_TO, BOTH);

            assertThat(byUsername.found()).isTrue();
            assertThat(byUsername.accountId()).isEqualTo(100042L);
            assertThat(byUsername.username()).isEqualTo("@demo0042");
            assertThat(byUsername.phoneNumber()).isEqualTo(phoneNumber);
            Integer entries = jdbc.queryForObject("SELECT COUNT(*) FROM sub_ip_log WHERE account_id = 100042", Integer.class);
            assertThat(byUsername.ipEntries()).hasSize(entries).isSortedAccordingTo(
                    (a, b) -> a.seenAt().compareTo(b.seenAt()));
            assertThat(byId).isEqualTo(byUsername);
            assertThat(byPhone).isEqualTo(byUsername);
            assertThat(directory.lookup(username("@demo5000"), YEAR_FROM, YEAR_TO, BOTH).accountId()).isEqualTo(105000L);
            assertThat(directory.lookup(username("@demo0001"), YEAR_FROM, YEAR_TO, BOTH).accountId()).isEqualTo(100001L);
        }

        @Test
        void writtenFormsOfAPhoneNumberFindTheAccount() {
            String e164 = jdbc.queryForObject("SELECT phone_e164 FROM sub_account WHERE id = 100007", String.class);
            String spaced = e164.substring(0, 3) + " " + e164.substring(3, 6) + " " + e164.substring(6, 9) + "-" + e164.substring(9);
            String international = "00" + e164.substring(1, 4) + " (" + e164.substring(4, 7) + ") " + e164.substring(7);

            for (String written : List.of(e164, spaced, international)) {
                assertThat(directory.lookup(phone(written), YEAR_FROM, YEAR_TO, Set.of(PHONE_NUMBER)).accountId())
                        .as("written form %d", written.length()).isEqualTo(100007L);
            }
        }

        @Test
        void formerUsernameResolvesDuringItsPeriodOnly() {
            Instant renamedAt = jdbc.queryForObject(
                    "SELECT valid_to FROM sub_username_history WHERE username = '@former_demo0010'", OffsetDateTime.class)
                    .toInstant();

            TargetData before = directory.lookup(username("@former_demo0010"), renamedAt.minus(Duration.ofDays(30)), renamedAt,
                    BOTH);
            assertThat(before.accountId()).isEqualTo(100010L);
            assertThat(before.username()).isEqualTo("@former_demo0010");
            assertThat(before.ipEntries()).allSatisfy(e -> assertThat(e.seenAt()).isBefore(renamedAt));

            assertThat(directory.lookup(username("@former_demo0010"), renamedAt, YEAR_TO, BOTH).found()).isFalse();
            assertThat(directory.lookup(username("@demo0010"), renamedAt, YEAR_TO, BOTH).accountId()).isEqualTo(100010L);
            assertThat(directory.lookup(username("@demo0010"), YEAR_FROM, renamedAt.minusSeconds(3600), BOTH).found())
                    .isFalse();
            assertThat(directory.lookup(account(100010), YEAR_FROM, renamedAt.minusSeconds(3600), BOTH).username())
                    .isEqualTo("@former_demo0010");
        }

        @Test
        void periodFiltersTheIpEntries() {
            Instant from = YEAR_TO.minus(Duration.ofDays(90));
            Instant to = YEAR_TO.minus(Duration.ofDays(30));
            Integer expected = jdbc.queryForObject(
                    "SELECT COUNT(*) FROM sub_ip_log WHERE account_id = 100123 AND seen_at >= ? AND seen_at < ?",
                    Integer.class, from.atOffset(ZoneOffset.UTC), to.atOffset(ZoneOffset.UTC));

            TargetData data = directory.lookup(username("@demo0123"), from, to, Set.of(IP_ADDRESS));

            assertThat(data.ipEntries()).hasSize(expected)
                    .allSatisfy(e -> assertThat(e.seenAt()).isAfterOrEqualTo(from).isBefore(to));
            // exactly at an entry's time: from includes it, to excludes it
            Instant first = data.ipEntries().isEmpty() ? null : data.ipEntries().get(0).seenAt();
            if (first != null) {
                assertThat(directory.lookup(account(100123), first, to, Set.of(IP_ADDRESS)).ipEntries().get(0).seenAt())
                        .isEqualTo(first);
                assertThat(directory.lookup(account(100123), from, first, Set.of(IP_ADDRESS)).ipEntries())
                        .noneMatch(e -> e.seenAt().equals(first));
            }
        }

        @Test
        void onlyTheApprovedCategoriesAreReturned() {
            TargetData phoneOnly = directory.lookup(username("@demo0042"), YEAR_FROM, YEAR_TO, Set.of(PHONE_NUMBER));
            assertThat(phoneOnly.phoneNumber()).isNotNull();
            assertThat(phoneOnly.ipEntries()).isEmpty();

            TargetData ipOnly = directory.lookup(username("@demo0042"), YEAR_FROM, YEAR_TO, Set.of(IP_ADDRESS));
            assertThat(ipOnly.phoneNumber()).isNull();
            assertThat(ipOnly.ipEntries()).isNotEmpty();

            TargetData none = directory.lookup(username("@demo0042"), YEAR_FROM, YEAR_TO, Set.of(CONTACTS));
            assertThat(none.found()).isTrue();
            assertThat(none.accountId()).isEqualTo(100042L);
            assertThat(none.phoneNumber()).isNull();
            assertThat(none.ipEntries()).isEmpty();
            assertThat(directory.lookup(username("@demo0042"), YEAR_FROM, YEAR_TO, Set.of()).hasData()).isFalse();
        }

        @ParameterizedTest
        @CsvSource({
            "ACCOUNT_ID, 99999",
            "ACCOUNT_ID, 105001",
            "ACCOUNT_ID, not-a-number",
            "ACCOUNT_ID, -100001",
            "ACCOUNT_ID, ''",
            "USERNAME, @demo5001",
            "USERNAME, @",
            "USERNAME, ''",
            "PHONE, +49 30 0000000",
            "PHONE, 0151 12345678",
            "PHONE, not a number",
        })
        void unknownTargetsAreNotFound(TargetType type, String value) {
            assertThat(directory.lookup(new Target(type, value), YEAR_FROM, YEAR_TO, BOTH)).isEqualTo(TargetData.noData());
        }

        @Test
        void aFoundTargetsToStringCarriesNoPhoneNumberOrIpAddress() {
            TargetData data = directory.lookup(username("@demo0042"), YEAR_FROM, YEAR_TO, BOTH);
            assertThat(data.hasData()).isTrue();

            String text = data.toString() + data.ipEntries();
            assertThat(text).doesNotContain(data.phoneNumber(), data.phoneNumber().substring(1), "@demo0042");
            data.ipEntries().forEach(e -> assertThat(text).doesNotContain(e.ip()));
            assertThat(text).contains("100042").contains("ipEntries=" + data.ipEntries().size());
        }
    }
}
