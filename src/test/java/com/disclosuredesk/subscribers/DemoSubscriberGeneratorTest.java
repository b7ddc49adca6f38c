package com.disclosuredesk.subscribers;

import com.disclosuredesk.order.PhoneNumbers;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

class DemoSubscriberGeneratorTest {

    private static JdbcTemplate demo;

    @BeforeAll
    static void demoData() {
        demo = new JdbcTemplate(SubscriberTestDatabase.demo());
    }

    @Test
    void usernamesArePaddedToFourDigitsOrWider() {
        assertThat(DemoSubscriberGenerator.username(1, 5000)).isEqualTo("@demo0001");
        assertThat(DemoSubscriberGenerator.username(5000, 5000)).isEqualTo("@demo5000");
        assertThat(DemoSubscriberGenerator.username(7, 20)).isEqualTo("@demo0007");
        assertThat(DemoSubscriberGenerator.username(1, 12000)).isEqualTo("@demo00001");
        assertThat(DemoSubscriberGenerator.formerUsername(10, 5000)).isEqualTo("@former_demo0010");
        assertThat(DemoSubscriberGenerator.accountId(1)).isEqualTo(100001L);
    }

    @Test
    void fiveThousandAccountsDemo0001ToDemo5000WithUniqueValidE164PhoneNumbers() {
        List<Map<String, Object>> accounts = demo.queryForList("SELECT id, username, phone_e164 FROM sub_account ORDER BY id");

        assertThat(accounts).hasSize(5000);
        assertThat(accounts).extracting(a -> a.get("USERNAME"))
                .containsExactlyElementsOf(IntStream.rangeClosed(1, 5000).mapToObj(n -> String.format("@demo%04d", n)).toList());
        assertThat(accounts).extracting(a -> ((Number) a.get("ID")).longValue())
                .containsExactlyElementsOf(IntStream.rangeClosed(1, 5000).mapToObj(n -> 100000L + n).toList());
        List<String> phones = accounts.stream().map(a -> (String) a.get("PHONE_E164")).toList();
        assertThat(phones).allSatisfy(p -> {
            assertThat(PhoneNumbers.isE164(p)).as("E.164").isTrue();
            assertThat(PhoneNumbers.normalizeE164(p)).isEqualTo(p);
        });
        assertThat(new HashSet<>(phones)).hasSize(5000);
        assertThat(phones).anyMatch(p -> p.startsWith("+4915"))
                .anyMatch(p -> p.startsWith("+336"))
                .anyMatch(p -> p.startsWith("+1"))
                .anyMatch(p -> p.startsWith("+393"))
                .anyMatch(p -> p.startsWith("+346"))
                .anyMatch(p -> p.startsWith("+55"))
                .anyMatch(p -> p.startsWith("+91"))
                .anyMatch(p -> p.startsWith("+380"));
    }

    @Test
    void everyAccountHasTenToSixtyIpEntriesWithinTheLastTwelveMonthsAndOneToThreeDevices() {
        Instant anchor = SubscriberTestDatabase.ANCHOR;
        Map<String, Object> ip = demo.queryForMap("""
                SELECT MIN(c) AS min_count, MAX(c) AS max_count, COUNT(*) AS accounts FROM (
                  SELECT account_id, COUNT(*) AS c FROM sub_ip_log GROUP BY account_id) t""");
        assertThat(((Number) ip.get("ACCOUNTS")).intValue()).isEqualTo(5000);
        assertThat(((Number) ip.get("MIN_COUNT")).intValue()).isGreaterThanOrEqualTo(10);
        assertThat(((Number) ip.get("MAX_COUNT")).intValue()).isLessThanOrEqualTo(60);

        OffsetDateTime first = demo.queryForObject("SELECT MIN(seen_at) FROM sub_ip_log", OffsetDateTime.class);
        OffsetDateTime last = demo.queryForObject("SELECT MAX(seen_at) FROM sub_ip_log", OffsetDateTime.class);
        assertThat(first.toInstant()).isAfterOrEqualTo(anchor.minus(Duration.ofDays(365)));
        assertThat(last.toInstant()).isBefore(anchor);
        // spread over the year, not bunched
        assertThat(Duration.between(first.toInstant(), last.toInstant())).isGreaterThan(Duration.ofDays(360));
        Integer months = demo.queryForObject("""
                SELECT COUNT(*) FROM (SELECT DISTINCT EXTRACT(YEAR FROM seen_at) AS y, EXTRACT(MONTH FROM seen_at) AS m
                FROM sub_ip_log) t""", Integer.class);
        assertThat(months).isGreaterThanOrEqualTo(12);

        Map<String, Object> dev = demo.queryForMap("""
                SELECT MIN(c) AS min_count, MAX(c) AS max_count, COUNT(*) AS accounts FROM (
                  SELECT account_id, COUNT(*) AS c FROM sub_device GROUP BY account_id) t""");
        assertThat(((Number) dev.get("ACCOUNTS")).intValue()).isEqualTo(5000);
        assertThat(((Number) dev.get("MIN_COUNT")).intValue()).isEqualTo(1);
        assertThat(((Number) dev.get("MAX_COUNT")).intValue()).isEqualTo(3);
        assertThat(demo.queryForObject("SELECT COUNT(*) FROM sub_device WHERE last_seen < first_seen OR last_seen > ?",
                Integer.class, anchor.atOffset(java.time.ZoneOffset.UTC))).isZero();

        DemoSubscriberGenerator.Result result = SubscriberTestDatabase.demoResult();
        assertThat(result.accounts()).isEqualTo(5000);
        assertThat(result.ipEntries()).isEqualTo(demo.queryForObject("SELECT COUNT(*) FROM sub_ip_log", Integer.class));
        assertThat(result.devices()).isEqualTo(demo.queryForObject("SELECT COUNT(*) FROM sub_device", Integer.class));
        System.out.printf("Generated %d accounts, %d IP log entries, %d devices, %d username history entries in %d ms%n",
                result.accounts(), result.ipEntries(), result.devices(), result.usernameHistoryEntries(),
                result.elapsed().toMillis());
    }

    @Test
    void ipAddressesArePublicAndPortsAreUnprivileged() throws UnknownHostException {
        List<Map<String, Object>> rows = demo.queryForList("SELECT DISTINCT ip_address FROM sub_ip_log");
        int v4 = 0;
        int v6 = 0;
        for (Map<String, Object> row : rows) {
            String text = (String) row.get("IP_ADDRESS");
            assertThat(text.length()).isLessThanOrEqualTo(45);
            assertThat(text).matches("[0-9a-f.:]+");
            InetAddress address = InetAddress.getByName(text); // a literal: no name lookup
            assertThat(isPublic(address)).as("public address").isTrue();
            if (address instanceof Inet4Address) {
                v4++;
            } else {
                v6++;
            }
        }
        assertThat(v4).isGreaterThan(1000);
        assertThat(v6).isGreaterThan(1000);
        assertThat(demo.queryForObject("SELECT COUNT(*) FROM sub_ip_log WHERE port < 1024 OR port > 65535 OR port IS NULL",
                Integer.class)).isZero();
    }

    @Test
    void everyTenthAccountHasAFormerUsernameUntilItWasRenamed() {
        List<Map<String, Object>> history = demo.queryForList(
                "SELECT account_id, username, valid_from, valid_to FROM sub_username_history ORDER BY account_id, valid_from");

        assertThat(history).hasSize(1000);
        Set<Long> renamed = history.stream().map(h -> ((Number) h.get("ACCOUNT_ID")).longValue()).collect(Collectors.toSet());
        assertThat(renamed).hasSize(500).allMatch(id -> (id - 100000) % 10 == 0);
        Map<String, Object> former = history.get(0);
        Map<String, Object> current = history.get(1);
        assertThat(former.get("USERNAME")).isEqualTo("@former_demo0010");
        assertThat(current.get("USERNAME")).isEqualTo("@demo0010");
        assertThat(former.get("VALID_TO")).isNotNull().isEqualTo(current.get("VALID_FROM"));
        assertThat(current.get("VALID_TO")).isNull();
        OffsetDateTime created = demo.queryForObject("SELECT created_at FROM sub_account WHERE id = 100010", OffsetDateTime.class);
        assertThat(instant(former.get("VALID_FROM"))).isEqualTo(created.toInstant());
        Instant renamedAt = instant(former.get("VALID_TO"));
        assertThat(renamedAt).isBetween(SubscriberTestDatabase.ANCHOR.minus(Duration.ofDays(300)),
                SubscriberTestDatabase.ANCHOR.minus(Duration.ofDays(60)));
    }

    @Test
    void sameSeedAndAnchorGiveTheSameDataAnotherSeedOtherData() {
        Instant anchor = Instant.parse("2025-01-15T08:30:00Z");
        String a = dump(generate(new DemoSubscriberGenerator(), 300, anchor));
        String b = dump(generate(new DemoSubscriberGenerator(DemoSubscriberGenerator.DEFAULT_SEED), 300, anchor));
        String c = dump(generate(new DemoSubscriberGenerator(42), 300, anchor));

        assertThat(a).isEqualTo(b);
        assertThat(c).isNotEqualTo(a);
    }

    @Test
    void anAccountsDataDoesNotDependOnHowManyAccountsAreGenerated() {
        Instant anchor = Instant.parse("2025-01-15T08:30:00Z");
        JdbcTemplate small = generate(new DemoSubscriberGenerator(), 50, anchor);
        JdbcTemplate large = generate(new DemoSubscriberGenerator(), 120, anchor);

        String ips = "SELECT account_id, ip_address, port, seen_at FROM sub_ip_log WHERE account_id <= 100050 ORDER BY id";
        String phones = "SELECT id, phone_e164 FROM sub_account WHERE id <= 100050 ORDER BY id";
        assertThat(large.queryForList(ips)).isEqualTo(small.queryForList(ips));
        assertThat(large.queryForList(phones)).isEqualTo(small.queryForList(phones));
    }

    @Test
    void countMustBePositive() {
        DataSource ds = SubscriberTestDatabase.newDatabase();
        assertThatThrownBy(() -> new DemoSubscriberGenerator().generate(ds, 0, Instant.now()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void schemaAndGeneratorAlsoRunInPostgresCompatibilityMode() {
        DataSource ds = SubscriberTestDatabase.newDatabase(";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE");
        DemoSubscriberGenerator.Result result = new DemoSubscriberGenerator().generate(ds, 20, Instant.parse("2025-01-15T08:30:00Z"));

        assertThat(result.accounts()).isEqualTo(20);
        assertThat(new JdbcTemplate(ds).queryForObject("SELECT COUNT(*) FROM sub_account", Integer.class)).isEqualTo(20);
    }

    /** H2 gives OffsetDateTime for TIMESTAMP WITH TIME ZONE, PostgreSQL's driver a Timestamp. */
    private static Instant instant(Object value) {
        return value instanceof OffsetDateTime odt ? odt.toInstant() : ((java.sql.Timestamp) value).toInstant();
    }

    private static JdbcTemplate generate(DemoSubscriberGenerator generator, int count, Instant anchor) {
        DataSource ds = SubscriberTestDatabase.newDatabase();
        generator.generate(ds, count, anchor);
        return new JdbcTemplate(ds);
    }

    private static String dump(JdbcTemplate jdbc) {
        StringBuilder sb = new StringBuilder();
        for (String query : List.of(
                "SELECT * FROM sub_account ORDER BY id",
                "SELECT * FROM sub_username_history ORDER BY id",
                "SELECT * FROM sub_device ORDER BY id",
                "SELECT * FROM sub_ip_log ORDER BY id")) {
            jdbc.queryForList(query).forEach(row -> sb.append(row).append('\n'));
        }
        return sb.toString();
    }

    /** Not private, loopback, link-local, shared (CGNAT), documentation, benchmarking, multicast or reserved. */
    static boolean isPublic(InetAddress address) {
        if (address.isAnyLocalAddress() || address.isLoopbackAddress() || address.isLinkLocalAddress()
                || address.isSiteLocalAddress() || address.isMulticastAddress()) {
            return false;
        }
        byte[] b = address.getAddress();
        if (address instanceof Inet4Address) {
            int a0 = b[0] & 0xff;
            int a1 = b[1] & 0xff;
            int a2 = b[2] & 0xff;
            return a0 != 0 && a0 != 10 && a0 != 127 && a0 < 224
                    && !(a0 == 100 && a1 >= 64 && a1 < 128)
                    && !(a0 == 169 && a1 == 254)
                    && !(a0 == 172 && a1 >= 16 && a1 < 32)
                    && !(a0 == 192 && a1 == 168)
                    && !(a0 == 192 && a1 == 0 && (a2 == 0 || a2 == 2))
                    && !(a0 == 192 && a1 == 88 && a2 == 99)
                    && !(a0 == 198 && (a1 == 18 || a1 == 19))
                    && !(a0 == 198 && a1 == 51 && a2 == 100)
                    && !(a0 == 203 && a1 == 0 && a2 == 113);
        }
        assertThat(address).isInstanceOf(Inet6Address.class);
        int first = ((b[0] & 0xff) << 8) | (b[1] & 0xff);
        int second = ((b[2] & 0xff) << 8) | (b[3] & 0xff);
        boolean globalUnicast = (first & 0xe000) == 0x2000;              // 2000::/3
        boolean documentation = first == 0x2001 && second == 0x0db8;     // 2001:db8::/32
        boolean teredoOrOrchid = first == 0x2001 && second < 0x0200;     // 2001::/23 special purpose
        boolean sixToFour = first == 0x2002;                             // 2002::/16
        return globalUnicast && !documentation && !teredoOrOrchid && !sixToFour;
    }
}
