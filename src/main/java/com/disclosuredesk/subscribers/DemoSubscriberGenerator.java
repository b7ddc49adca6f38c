package com.disclosuredesk.subscribers;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.SplittableRandom;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Generates predictable demo accounts into the {@code sub_*} tables, so that examples and tests can
 * name them: accounts {@code @demo0001} … {@code @demoNNNN} (4 digits, wider when there are more than
 * 9,999), account ids {@code 100000 + n}, each with a unique E.164 phone number from one of several
 * countries, 1 to 3 devices, and 10 to 60 IP log entries (public IPv4 and IPv6 addresses, ports
 * 1024-65535) spread over the 365 days before the anchor instant. Every 10th account was renamed:
 * it was {@code @former_demoNNNN} from its creation until a date 60 to 300 days before the anchor.
 *
 * <p>Deterministic: the same seed, count and anchor give the same data; an account's data does not
 * depend on how many accounts are generated (except for the username padding). Rows are written with
 * JDBC batches in one transaction, into empty tables (ids are derived from the account id).
 */
public final class DemoSubscriberGenerator {

    /** The seed of the demo data. */
    public static final long DEFAULT_SEED = 20_260_101L;
    /** Account ids are {@code ACCOUNT_ID_BASE + n} for n = 1 … count. */
    public static final long ACCOUNT_ID_BASE = 100_000L;
    /** The IP log window: the 365 days before the anchor. */
    public static final Duration IP_LOG_WINDOW = Duration.ofDays(365);

    private static final int CHUNK = 500;
    private static final int MAX_IP_ENTRIES = 60;

    private final long seed;

    public DemoSubscriberGenerator() {
        this(DEFAULT_SEED);
    }

    public DemoSubscriberGenerator(long seed) {
        this.seed = seed;
    }

    /** What was generated, and how long it took. Counts only: no personal data. */
    public record Result(int accounts, int ipEntries, int devices, int usernameHistoryEntries, Duration elapsed) {
    }

    /** Account id of the n-th demo account (n from 1). */
    public static long accountId(int n) {
        return ACCOUNT_ID_BASE + n;
    }

    /** Username of the n-th of {@code count} demo accounts: {@code @demo0001}, or wider when count > 9999. */
    public static String username(int n, int count) {
        return "@demo" + padded(n, count);
    }

    /** The former username of a renamed account ({@link #hasFormerUsername(int)}). */
    public static String formerUsername(int n, int count) {
        return "@former_demo" + padded(n, count);
    }

    /** Every 10th account has a former username. */
    public static boolean hasFormerUsername(int n) {
        return n % 10 == 0;
    }

    private static String padded(int n, int count) {
        int width = Math.max(4, Integer.toString(count).length());
        return String.format("%0" + width + "d", n);
    }

    /** Generates {@code count} accounts into empty {@code sub_*} tables of the data source. */
    public Result generate(DataSource dataSource, int count, Instant anchor) {
        return generate(new JdbcTemplate(dataSource), count, anchor);
    }

    /**
     * Generates {@code count} accounts into empty {@code sub_*} tables, in one transaction.
     *
     * @param anchor "now" of the demo data (truncated to seconds): IP log entries lie within the 365 days before it
     */
    public Result generate(JdbcTemplate jdbc, int count, Instant anchor) {
        Objects.requireNonNull(jdbc, "jdbc");
        Objects.requireNonNull(anchor, "anchor");
        if (count < 1 || count > 999_999) {
            throw new IllegalArgumentException("count must be between 1 and 999999");
        }
        long started = System.nanoTime();
        Instant now = anchor.truncatedTo(ChronoUnit.SECONDS);
        int[] totals = new int[3];
        TransactionTemplate tx = new TransactionTemplate(new DataSourceTransactionManager(
                Objects.requireNonNull(jdbc.getDataSource(), "data source")));
        tx.executeWithoutResult(status -> {
            Set<String> phones = new HashSet<>(count * 2);
            Batch batch = new Batch();
            for (int n = 1; n <= count; n++) {
                generateAccount(n, count, now, phones, batch);
                if (n % CHUNK == 0 || n == count) {
                    totals[0] += batch.ips.size();
                    totals[1] += batch.devices.size();
                    totals[2] += batch.history.size();
                    batch.flush(jdbc);
                }
            }
        });
        Duration elapsed = Duration.ofNanos(System.nanoTime() - started);
        return new Result(count, totals[0], totals[1], totals[2], elapsed);
    }

    private void generateAccount(int n, int count, Instant now, Set<String> phones, Batch batch) {
        SplittableRandom rnd = new SplittableRandom(mix(seed, n));
        long id = accountId(n);
        Country country = Country.pick(rnd);
        String phone;
        do {
            phone = country.phoneNumber(rnd);
        } while (!phones.add(phone));
        Instant createdAt = now.minusSeconds(days(400) + rnd.nextLong(days(2100)));
        batch.accounts.add(new AccountRow(id, username(n, count), phone, createdAt));

        if (hasFormerUsername(n)) {
            Instant renamedAt = now.minusSeconds(days(60) + rnd.nextLong(days(240)));
            batch.history.add(new HistoryRow(id * 10, id, formerUsername(n, count), createdAt, renamedAt));
            batch.history.add(new HistoryRow(id * 10 + 1, id, username(n, count), renamedAt, null));
        }

        int devices = 1 + rnd.nextInt(3);
        for (int d = 0; d < devices; d++) {
            Instant firstSeen = createdAt.plusSeconds(rnd.nextLong(
                    Math.max(1, Duration.between(createdAt, now).getSeconds() - days(30))));
            Instant lastSeen = firstSeen.plusSeconds(rnd.nextLong(Duration.between(firstSeen, now).getSeconds()));
            Device device = DEVICES[rnd.nextInt(DEVICES.length)];
            String appVersion = device.appPrefix + (8 + rnd.nextInt(4)) + "." + rnd.nextInt(20) + "." + rnd.nextInt(10);
            batch.devices.add(new DeviceRow(id * 10 + d, id, device.model, appVersion, firstSeen, lastSeen));
        }

        // a few addresses the account comes back from (home line, home IPv6 prefix), and mobile ones
        int poolSize = 2 + rnd.nextInt(5);
        List<String> pool = new ArrayList<>(poolSize);
        for (int p = 0; p < poolSize; p++) {
            pool.add(rnd.nextInt(10) < 7 ? country.ipv4(rnd) : country.ipv6(rnd));
        }
        int entries = 10 + rnd.nextInt(MAX_IP_ENTRIES - 10 + 1);
        List<IpRow> ips = new ArrayList<>(entries);
        for (int e = 0; e < entries; e++) {
            String ip = rnd.nextInt(10) < 6 ? pool.get(rnd.nextInt(poolSize))
                    : (rnd.nextInt(10) < 7 ? country.ipv4(rnd) : country.ipv6(rnd));
            int port = 1024 + rnd.nextInt(65535 - 1024 + 1);
            Instant seenAt = now.minusSeconds(1 + rnd.nextLong(IP_LOG_WINDOW.getSeconds()));
            ips.add(new IpRow(0, id, ip, port, seenAt));
        }
        ips.sort(Comparator.comparing(IpRow::seenAt));
        for (int e = 0; e < ips.size(); e++) {
            IpRow r = ips.get(e);
            batch.ips.add(new IpRow(id * 100 + e, id, r.ip, r.port, r.seenAt));
        }
    }

    private static long days(int days) {
        return days * 86_400L;
    }

    /** SplitMix64 finalizer: independent, well-mixed streams per account. */
    private static long mix(long seed, int n) {
        long z = seed + 0x9E3779B97F4A7C15L * n;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    // ------------------------------------------------------------------ rows and batches

    private record AccountRow(long id, String username, String phone, Instant createdAt) {
    }

    private record HistoryRow(long id, long accountId, String username, Instant validFrom, Instant validTo) {
    }

    private record DeviceRow(long id, long accountId, String model, String appVersion, Instant firstSeen, Instant lastSeen) {
    }

    private record IpRow(long id, long accountId, String ip, int port, Instant seenAt) {
    }

    private static final class Batch {
        final List<AccountRow> accounts = new ArrayList<>(CHUNK);
        final List<HistoryRow> history = new ArrayList<>(CHUNK / 5);
        final List<DeviceRow> devices = new ArrayList<>(CHUNK * 3);
        final List<IpRow> ips = new ArrayList<>(CHUNK * MAX_IP_ENTRIES);

        void flush(JdbcTemplate jdbc) {
            jdbc.batchUpdate("INSERT INTO sub_account (id, username, phone_e164, created_at) VALUES (?, ?, ?, ?)",
                    accounts, accounts.size(), (ps, r) -> {
                        ps.setLong(1, r.id);
                        ps.setString(2, r.username);
                        ps.setString(3, r.phone);
                        ps.setObject(4, utc(r.createdAt));
                    });
            if (!history.isEmpty()) {
                jdbc.batchUpdate("INSERT INTO sub_username_history (id, account_id, username, valid_from, valid_to)"
                        + " VALUES (?, ?, ?, ?, ?)", history, history.size(), (ps, r) -> {
                            ps.setLong(1, r.id);
                            ps.setLong(2, r.accountId);
                            ps.setString(3, r.username);
                            ps.setObject(4, utc(r.validFrom));
                            if (r.validTo == null) {
                                ps.setNull(5, java.sql.Types.TIMESTAMP_WITH_TIMEZONE);
                            } else {
                                ps.setObject(5, utc(r.validTo));
                            }
                        });
            }
            jdbc.batchUpdate("INSERT INTO sub_device (id, account_id, model, app_version, first_seen, last_seen)"
                    + " VALUES (?, ?, ?, ?, ?, ?)", devices, devices.size(), (ps, r) -> {
                        ps.setLong(1, r.id);
                        ps.setLong(2, r.accountId);
                        ps.setString(3, r.model);
                        ps.setString(4, r.appVersion);
                        ps.setObject(5, utc(r.firstSeen));
                        ps.setObject(6, utc(r.lastSeen));
                    });
            jdbc.batchUpdate("INSERT INTO sub_ip_log (id, account_id, ip_address, port, seen_at) VALUES (?, ?, ?, ?, ?)",
                    ips, 5000, (ps, r) -> {
                        ps.setLong(1, r.id);
                        ps.setLong(2, r.accountId);
                        ps.setString(3, r.ip);
                        ps.setInt(4, r.port);
                        ps.setObject(5, utc(r.seenAt));
                    });
            accounts.clear();
            history.clear();
            devices.clear();
            ips.clear();
        }

        private static OffsetDateTime utc(Instant instant) {
            return instant.atOffset(ZoneOffset.UTC);
        }
    }

    // ------------------------------------------------------------------ devices

    private record Device(String model, String appPrefix) {
    }

    private static final Device[] DEVICES = {
        new Device("Apple iPhone 13", "ios/"),
        new Device("Apple iPhone 15", "ios/"),
        new Device("Apple iPhone 16 Pro", "ios/"),
        new Device("Samsung Galaxy S23", "android/"),
        new Device("Samsung Galaxy A54", "android/"),
        new Device("Google Pixel 8", "android/"),
        new Device("Xiaomi Redmi Note 12", "android/"),
        new Device("OnePlus 11", "android/"),
        new Device("Desktop (Windows 11)", "desktop/"),
        new Device("Desktop (macOS 14)", "desktop/"),
        new Device("Desktop (Linux)", "desktop/"),
        new Device("Web (Firefox)", "web/"),
    };

    // ------------------------------------------------------------------ countries: phone numbers and address ranges

    /**
     * A country's mobile number plan (simplified) and some public address ranges of its access providers.
     * IPv4 ranges as (first address, prefix length); IPv6 as the first two 16-bit groups of a /32.
     */
    private enum Country {
        DE(20, new int[][] {{ip(79, 192, 0, 0), 10}, {ip(91, 0, 0, 0), 10}, {ip(84, 128, 0, 0), 10}},
                new int[][] {{0x2003, 0xe1}, {0x2003, 0xf4}, {0x2a02, 0x8108}}) {
            @Override
            String phoneNumber(SplittableRandom r) {
                return "+4915" + oneOf(r, "1", "2", "5", "7", "9") + digits(r, 8);
            }
        },
        FR(12, new int[][] {{ip(90, 0, 0, 0), 9}, {ip(86, 192, 0, 0), 11}},
                new int[][] {{0x2a01, 0xcb08}, {0x2a01, 0xe0a}}) {
            @Override
            String phoneNumber(SplittableRandom r) {
                return "+336" + digits(r, 8);
            }
        },
        US(15, new int[][] {{ip(73, 0, 0, 0), 8}, {ip(98, 192, 0, 0), 10}, {ip(172, 56, 0, 0), 14}},
                new int[][] {{0x2601, 0x147}, {0x2600, 0x1700}, {0x2607, 0xfb90}}) {
            @Override
            String phoneNumber(SplittableRandom r) {
                String area = oneOf(r, "212", "305", "312", "415", "512", "617", "702", "206", "404", "713");
                // exchange NXX, never N11
                return "+1" + area + (2 + r.nextInt(8)) + r.nextInt(10) + (2 + r.nextInt(8)) + digits(r, 4);
            }
        },
        IT(8, new int[][] {{ip(79, 0, 0, 0), 11}, {ip(151, 0, 0, 0), 12}},
                new int[][] {{0x2001, 0xb07}, {0x2a01, 0x827}}) {
            @Override
            String phoneNumber(SplittableRandom r) {
                return "+393" + oneOf(r, "20", "28", "33", "35", "38", "39", "40", "47", "48", "49", "66", "77", "88")
                        + digits(r, 7);
            }
        },
        ES(8, new int[][] {{ip(83, 32, 0, 0), 11}, {ip(88, 0, 0, 0), 11}},
                new int[][] {{0x2a0c, 0x5a80}, {0x2a02, 0x9000}}) {
            @Override
            String phoneNumber(SplittableRandom r) {
                return "+346" + digits(r, 8);
            }
        },
        BR(10, new int[][] {{ip(179, 0, 0, 0), 10}, {ip(187, 0, 0, 0), 10}},
                new int[][] {{0x2804, 0x14c}, {0x2804, 0xd41}}) {
            @Override
            String phoneNumber(SplittableRandom r) {
                return "+55" + oneOf(r, "11", "21", "31", "41", "51", "61", "71", "81", "85") + "9" + digits(r, 8);
            }
        },
        IN(12, new int[][] {{ip(49, 32, 0, 0), 11}, {ip(106, 192, 0, 0), 11}},
                new int[][] {{0x2409, 0x4040}, {0x2401, 0x4900}}) {
            @Override
            String phoneNumber(SplittableRandom r) {
                return "+91" + (6 + r.nextInt(4)) + digits(r, 9);
            }
        },
        UA(5, new int[][] {{ip(46, 211, 0, 0), 16}, {ip(176, 36, 0, 0), 14}},
                new int[][] {{0x2a02, 0x2378}}) {
            @Override
            String phoneNumber(SplittableRandom r) {
                return "+380" + oneOf(r, "50", "66", "67", "68", "73", "93", "95", "96", "97", "98", "99") + digits(r, 7);
            }
        },
        GB(5, new int[][] {{ip(86, 128, 0, 0), 10}, {ip(81, 128, 0, 0), 11}},
                new int[][] {{0x2a00, 0x23c5}}) {
            @Override
            String phoneNumber(SplittableRandom r) {
                return "+447" + (4 + r.nextInt(6)) + digits(r, 8);
            }
        },
        NL(3, new int[][] {{ip(77, 160, 0, 0), 12}},
                new int[][] {{0x2001, 0x1c00}}) {
            @Override
            String phoneNumber(SplittableRandom r) {
                return "+316" + digits(r, 8);
            }
        },
        PL(2, new int[][] {{ip(83, 0, 0, 0), 11}},
                new int[][] {{0x2a02, 0xa310}}) {
            @Override
            String phoneNumber(SplittableRandom r) {
                return "+48" + oneOf(r, "5", "6", "7", "8") + digits(r, 8);
            }
        };

        private static final Country[] ALL = values();
        private static final int TOTAL_WEIGHT;

        static {
            int total = 0;
            for (Country c : ALL) {
                total += c.weight;
            }
            TOTAL_WEIGHT = total;
        }

        private final int weight;
        private final int[][] v4;
        private final int[][] v6;

        Country(int weight, int[][] v4, int[][] v6) {
            this.weight = weight;
            this.v4 = v4;
            this.v6 = v6;
        }

        abstract String phoneNumber(SplittableRandom r);

        static Country pick(SplittableRandom r) {
            int x = r.nextInt(TOTAL_WEIGHT);
            for (Country c : ALL) {
                x -= c.weight;
                if (x < 0) {
                    return c;
                }
            }
            throw new IllegalStateException();
        }

        /** An address within one of the ranges; never the network's .0 or .255 host. */
        String ipv4(SplittableRandom r) {
            int[] range = v4[r.nextInt(v4.length)];
            int hostBits = 32 - range[1];
            int address;
            do {
                address = range[0] | (int) (r.nextLong(1L << hostBits));
            } while ((address & 0xff) == 0 || (address & 0xff) == 0xff);
            return ((address >>> 24) & 0xff) + "." + ((address >>> 16) & 0xff) + "."
                    + ((address >>> 8) & 0xff) + "." + (address & 0xff);
        }

        /** An address within one of the /32s, in canonical text form (RFC 5952: lower case, no zero groups). */
        String ipv6(SplittableRandom r) {
            int[] prefix = v6[r.nextInt(v6.length)];
            StringBuilder sb = new StringBuilder(39);
            sb.append(Integer.toHexString(prefix[0])).append(':').append(Integer.toHexString(prefix[1]));
            for (int g = 0; g < 6; g++) {
                sb.append(':').append(Integer.toHexString(1 + r.nextInt(0xffff)));
            }
            return sb.toString();
        }

        private static int ip(int a, int b, int c, int d) {
            return (a << 24) | (b << 16) | (c << 8) | d;
        }

        private static String oneOf(SplittableRandom r, String... options) {
            return options[r.nextInt(options.length)];
        }

        private static String digits(SplittableRandom r, int n) {
            char[] c = new char[n];
            for (int i = 0; i < n; i++) {
                c[i] = (char) ('0' + r.nextInt(10));
            }
            return new String(c);
        }
    }
}
