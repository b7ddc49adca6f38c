package com.disclosuredesk.subscribers;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.dao.NonTransientDataAccessException;

/**
 * Generates predictable demo accounts into the {@code sub_*} tables, so that examples and tests can
 * name them: accounts {@code @demo0001} … {@code @demoNNNN} (4 digits, wider when there are more than
 * 9,999), account ids {@code 100000 + n}, each with a unique E.164 phone number from one of several
 * countries, 1 to 3 devices, and 10 to 60 IP log entries (public IPv4 and IPv6 addresses, ports
 * 1024-65535) spread over the 365 days before the anchor instant. Every 10th account was renamed:
 * it was {@code @former_demoNNNN} from its creation until a date 60 to 300 days before the anchor.
 *
 * <p>The number of IP log entries per account is a parameter: on average {@value #DEFAULT_IP_ENTRIES_PER_ACCOUNT}
 * by default (10 to 60); with another average {@code a} an account has between {@link #minIpEntries(int)}
 * (about 0.29 a) and {@link #maxIpEntries(int)} (about 1.71 a) entries, uniformly, so that 1,000,000
 * accounts with an average of 50 give about 50 million IP log rows.
 *
 * <p>Deterministic: the same seed, count, average and anchor give the same data; an account's data does
 * not depend on how many accounts are generated (except for the username padding). Rows are written
 * into empty tables (ids are derived from the account id), streaming: JDBC batches of
 * {@value #ACCOUNTS_PER_BATCH} accounts, committed every {@value #ACCOUNTS_PER_TRANSACTION} accounts, so
 * memory use does not grow with the count (apart from at most 32 bytes per account to keep phone numbers unique).
 * Up to {@value #ACCOUNTS_PER_TRANSACTION} accounts (the default demo) are therefore one transaction.
 * When the caller already runs a transaction on the data source, everything joins it instead.
 */
public final class DemoSubscriberGenerator {

    /** The seed of the demo data. */
    public static final long DEFAULT_SEED = 20_260_101L;
    /** Account ids are {@code ACCOUNT_ID_BASE + n} for n = 1 … count. */
    public static final long ACCOUNT_ID_BASE = 100_000L;
    /** The IP log window: the 365 days before the anchor. */
    public static final Duration IP_LOG_WINDOW = Duration.ofDays(365);
    /** The average number of IP log entries per account of the default demo (10 to 60). */
    public static final int DEFAULT_IP_ENTRIES_PER_ACCOUNT = 35;
    /** At most this many accounts. */
    public static final int MAX_ACCOUNTS = 10_000_000;
    /** At most this average of IP log entries per account. */
    public static final int MAX_IP_ENTRIES_PER_ACCOUNT = 1_000;

    static final int ACCOUNTS_PER_BATCH = 500;
    static final int ACCOUNTS_PER_TRANSACTION = 10_000;

    private static final String INSERT_ACCOUNT =
            "INSERT INTO sub_account (id, username, phone_e164, created_at) VALUES (?, ?, ?, ?)";
    private static final String INSERT_HISTORY =
            "INSERT INTO sub_username_history (id, account_id, username, valid_from, valid_to) VALUES (?, ?, ?, ?, ?)";
    private static final String INSERT_DEVICE =
            "INSERT INTO sub_device (id, account_id, model, app_version, first_seen, last_seen) VALUES (?, ?, ?, ?, ?, ?)";
    private static final String INSERT_IP =
            "INSERT INTO sub_ip_log (id, account_id, ip_address, port, seen_at) VALUES (?, ?, ?, ?, ?)";

    private final long seed;
    private final int accountsPerTransaction;

    public DemoSubscriberGenerator() {
        this(DEFAULT_SEED);
    }

    public DemoSubscriberGenerator(long seed) {
        this(seed, ACCOUNTS_PER_TRANSACTION);
    }

    /** For tests: commits more often. The data does not depend on it. */
    DemoSubscriberGenerator(long seed, int accountsPerTransaction) {
        if (accountsPerTransaction < 1) {
            throw new IllegalArgumentException("accountsPerTransaction must be positive");
        }
        this.seed = seed;
        this.accountsPerTransaction = accountsPerTransaction;
    }

    /** What was generated, and how long it took. Counts only: no personal data. */
    public record Result(int accounts, int ipEntries, int devices, int usernameHistoryEntries, Duration elapsed) {

        /** All rows written, in all four tables. */
        public long rows() {
            return (long) accounts + ipEntries + devices + usernameHistoryEntries;
        }

        /** Rows written per second. */
        public double rowsPerSecond() {
            return perSecond(rows(), elapsed);
        }
    }

    /**
     * How far a generation is, reported after every commit. Counts only: no personal data.
     *
     * @param accountsDone accounts written and committed so far
     * @param accounts     accounts to write in all
     * @param ipEntries    IP log entries written so far
     * @param rows         rows written so far, in all four tables
     * @param elapsed      time since the generation started
     */
    public record Progress(int accountsDone, int accounts, long ipEntries, long rows, Duration elapsed) {

        /** Share of the accounts done, 0 to 100. */
        public double percent() {
            return accountsDone * 100.0 / accounts;
        }

        /** Rows written per second so far. */
        public double rowsPerSecond() {
            return perSecond(rows, elapsed);
        }
    }

    /** Receives {@link Progress} after every commit (every {@value #ACCOUNTS_PER_TRANSACTION} accounts and at the end). */
    @FunctionalInterface
    public interface ProgressListener {

        /** Ignores progress. */
        ProgressListener NONE = progress -> { };

        void onProgress(Progress progress);
    }

    /**
     * Writing the demo data failed. The message names the SQL state and error code only, and the driver's
     * exception is not attached: drivers put the values of the failing row (usernames, phone numbers) into
     * their messages, and those must not reach logs.
     */
    public static final class GenerationException extends NonTransientDataAccessException {

        GenerationException(SQLException e) {
            super("Generating the demo subscriber directory failed (SQL state " + e.getSQLState() + ", error code "
                    + e.getErrorCode() + "); the sub_* tables must exist and be empty");
        }
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

    /** The fewest IP log entries an account has, for an average of {@code average} (10 for 35). */
    public static int minIpEntries(int average) {
        checkAverage(average);
        return Math.max(1, (int) Math.round(average * 2 / 7.0));
    }

    /** The most IP log entries an account has, for an average of {@code average} (60 for 35). */
    public static int maxIpEntries(int average) {
        return 2 * average - minIpEntries(average);
    }

    private static String padded(int n, int count) {
        int width = Math.max(4, Integer.toString(count).length());
        return String.format("%0" + width + "d", n);
    }

    private static void checkAverage(int average) {
        if (average < 1 || average > MAX_IP_ENTRIES_PER_ACCOUNT) {
            throw new IllegalArgumentException("IP entries per account must be between 1 and " + MAX_IP_ENTRIES_PER_ACCOUNT);
        }
    }

    /** Generates {@code count} accounts into empty {@code sub_*} tables of the data source. */
    public Result generate(DataSource dataSource, int count, Instant anchor) {
        return generate(dataSource, count, anchor, DEFAULT_IP_ENTRIES_PER_ACCOUNT, ProgressListener.NONE);
    }

    /** Generates {@code count} accounts into empty {@code sub_*} tables of the template's data source. */
    public Result generate(JdbcTemplate jdbc, int count, Instant anchor) {
        Objects.requireNonNull(jdbc, "jdbc");
        return generate(Objects.requireNonNull(jdbc.getDataSource(), "data source"), count, anchor);
    }

    /**
     * Generates {@code count} accounts into empty {@code sub_*} tables.
     *
     * @param anchor              "now" of the demo data (truncated to seconds): IP log entries lie within the
     *                            365 days before it
     * @param ipEntriesPerAccount the average number of IP log entries per account
     *                            ({@value #DEFAULT_IP_ENTRIES_PER_ACCOUNT} for the default demo)
     * @param listener            told of the progress after every commit
     */
    public Result generate(DataSource dataSource, int count, Instant anchor, int ipEntriesPerAccount,
            ProgressListener listener) {
        Objects.requireNonNull(dataSource, "dataSource");
        Objects.requireNonNull(anchor, "anchor");
        Objects.requireNonNull(listener, "listener");
        if (count < 1 || count > MAX_ACCOUNTS) {
            throw new IllegalArgumentException("count must be between 1 and " + MAX_ACCOUNTS);
        }
        int minEntries = minIpEntries(ipEntriesPerAccount);
        int maxEntries = maxIpEntries(ipEntriesPerAccount);
        if ((long) count * maxEntries > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("too many IP log entries: fewer accounts or fewer entries per account");
        }
        Shape shape = new Shape(count, anchor.truncatedTo(ChronoUnit.SECONDS),
                minEntries, maxEntries, maxEntries < 100 ? 100 : (maxEntries < 1000 ? 1000 : 10_000));
        long started = System.nanoTime();
        Connection connection = DataSourceUtils.getConnection(dataSource);
        boolean joined = DataSourceUtils.isConnectionTransactional(connection, dataSource);
        try {
            Counts counts = joined ? write(connection, shape, false, listener, started)
                    : writeInOwnTransactions(connection, shape, listener, started);
            Duration elapsed = Duration.ofNanos(System.nanoTime() - started);
            return new Result(count, (int) counts.ipEntries, (int) counts.devices, (int) counts.history, elapsed);
        } catch (SQLException e) {
            throw new GenerationException(e);
        } finally {
            DataSourceUtils.releaseConnection(connection, dataSource);
        }
    }

    private Counts writeInOwnTransactions(Connection connection, Shape shape, ProgressListener listener, long started)
            throws SQLException {
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false);
        try {
            return write(connection, shape, true, listener, started);
        } catch (SQLException | RuntimeException | Error e) {
            try {
                connection.rollback();
            } catch (SQLException rollbackFailure) {
                e.addSuppressed(rollbackFailure);
            }
            throw e;
        } finally {
            connection.setAutoCommit(autoCommit);
        }
    }

    private Counts write(Connection connection, Shape shape, boolean commit, ProgressListener listener, long started)
            throws SQLException {
        Counts counts = new Counts();
        LongSet phones = new LongSet(shape.count);
        try (PreparedStatement accounts = connection.prepareStatement(INSERT_ACCOUNT);
                PreparedStatement history = connection.prepareStatement(INSERT_HISTORY);
                PreparedStatement devices = connection.prepareStatement(INSERT_DEVICE);
                PreparedStatement ips = connection.prepareStatement(INSERT_IP)) {
            Sink sink = new Sink(accounts, history, devices, ips, counts);
            List<IpRow> scratch = new ArrayList<>(shape.maxEntries);
            for (int n = 1; n <= shape.count; n++) {
                generateAccount(n, shape, phones, scratch, sink);
                boolean last = n == shape.count;
                boolean commitNow = n % accountsPerTransaction == 0 || last;
                if (n % ACCOUNTS_PER_BATCH == 0 || commitNow) {
                    sink.flush();
                }
                if (commitNow) {
                    if (commit) {
                        connection.commit();
                    }
                    listener.onProgress(new Progress(n, shape.count, counts.ipEntries, counts.rows(),
                            Duration.ofNanos(System.nanoTime() - started)));
                }
            }
        }
        return counts;
    }

    private void generateAccount(int n, Shape shape, LongSet phones, List<IpRow> ips, Sink sink) throws SQLException {
        SplittableRandom rnd = new SplittableRandom(mix(seed, n));
        Instant now = shape.anchor;
        long id = accountId(n);
        Country country = Country.pick(rnd);
        String phone;
        do {
            phone = country.phoneNumber(rnd);
        } while (!phones.add(Long.parseLong(phone, 1, phone.length(), 10)));
        Instant createdAt = now.minusSeconds(days(400) + rnd.nextLong(days(2100)));
        String username = username(n, shape.count);
        sink.account(id, username, phone, createdAt);

        if (hasFormerUsername(n)) {
            Instant renamedAt = now.minusSeconds(days(60) + rnd.nextLong(days(240)));
            sink.history(id * 10, id, formerUsername(n, shape.count), createdAt, renamedAt);
            sink.history(id * 10 + 1, id, username, renamedAt, null);
        }

        int devices = 1 + rnd.nextInt(3);
        for (int d = 0; d < devices; d++) {
            Instant firstSeen = createdAt.plusSeconds(rnd.nextLong(
                    Math.max(1, Duration.between(createdAt, now).getSeconds() - days(30))));
            Instant lastSeen = firstSeen.plusSeconds(rnd.nextLong(Duration.between(firstSeen, now).getSeconds()));
            Device device = DEVICES[rnd.nextInt(DEVICES.length)];
            String appVersion = device.appPrefix + (8 + rnd.nextInt(4)) + "." + rnd.nextInt(20) + "." + rnd.nextInt(10);
            sink.device(id * 10 + d, id, device.model, appVersion, firstSeen, lastSeen);
        }

        // a few addresses the account comes back from (home line, home IPv6 prefix), and mobile ones
        int poolSize = 2 + rnd.nextInt(5);
        String[] pool = new String[poolSize];
        for (int p = 0; p < poolSize; p++) {
            pool[p] = rnd.nextInt(10) < 7 ? country.ipv4(rnd) : country.ipv6(rnd);
        }
        int entries = shape.minEntries + rnd.nextInt(shape.maxEntries - shape.minEntries + 1);
        ips.clear();
        for (int e = 0; e < entries; e++) {
            String ip = rnd.nextInt(10) < 6 ? pool[rnd.nextInt(poolSize)]
                    : (rnd.nextInt(10) < 7 ? country.ipv4(rnd) : country.ipv6(rnd));
            int port = 1024 + rnd.nextInt(65535 - 1024 + 1);
            long seenAt = now.getEpochSecond() - (1 + rnd.nextLong(IP_LOG_WINDOW.getSeconds()));
            ips.add(new IpRow(ip, port, seenAt));
        }
        ips.sort(Comparator.comparingLong(IpRow::seenAt)); // stable: equal times keep their order
        for (int e = 0; e < entries; e++) {
            IpRow r = ips.get(e);
            sink.ip(id * shape.ipIdFactor + e, id, r.ip, r.port, r.seenAt);
        }
    }

    private static long days(int days) {
        return days * 86_400L;
    }

    private static double perSecond(long rows, Duration elapsed) {
        long nanos = Math.max(1, elapsed.toNanos());
        return rows * 1e9 / nanos;
    }

    /** SplitMix64 finalizer: independent, well-mixed streams per account. */
    private static long mix(long seed, int n) {
        long z = seed + 0x9E3779B97F4A7C15L * n;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    // ------------------------------------------------------------------ writing

    /** What to generate. IP log ids are {@code accountId * ipIdFactor + e}, e from 0. */
    private record Shape(int count, Instant anchor, int minEntries, int maxEntries, int ipIdFactor) {
    }

    private record IpRow(String ip, int port, long seenAt) {
    }

    private static final class Counts {
        long accounts;
        long history;
        long devices;
        long ipEntries;

        long rows() {
            return accounts + history + devices + ipEntries;
        }
    }

    /** Adds rows to the JDBC batches; {@link #flush()} executes them, parents before children. */
    private static final class Sink {
        private final PreparedStatement accounts;
        private final PreparedStatement history;
        private final PreparedStatement devices;
        private final PreparedStatement ips;
        private final Counts counts;
        private boolean pendingHistory;

        Sink(PreparedStatement accounts, PreparedStatement history, PreparedStatement devices, PreparedStatement ips,
                Counts counts) {
            this.accounts = accounts;
            this.history = history;
            this.devices = devices;
            this.ips = ips;
            this.counts = counts;
        }

        void account(long id, String username, String phone, Instant createdAt) throws SQLException {
            accounts.setLong(1, id);
            accounts.setString(2, username);
            accounts.setString(3, phone);
            accounts.setObject(4, utc(createdAt));
            accounts.addBatch();
            counts.accounts++;
        }

        void history(long id, long accountId, String username, Instant validFrom, Instant validTo) throws SQLException {
            history.setLong(1, id);
            history.setLong(2, accountId);
            history.setString(3, username);
            history.setObject(4, utc(validFrom));
            if (validTo == null) {
                history.setNull(5, Types.TIMESTAMP_WITH_TIMEZONE);
            } else {
                history.setObject(5, utc(validTo));
            }
            history.addBatch();
            pendingHistory = true;
            counts.history++;
        }

        void device(long id, long accountId, String model, String appVersion, Instant firstSeen, Instant lastSeen)
                throws SQLException {
            devices.setLong(1, id);
            devices.setLong(2, accountId);
            devices.setString(3, model);
            devices.setString(4, appVersion);
            devices.setObject(5, utc(firstSeen));
            devices.setObject(6, utc(lastSeen));
            devices.addBatch();
            counts.devices++;
        }

        void ip(long id, long accountId, String ip, int port, long seenAtEpochSecond) throws SQLException {
            ips.setLong(1, id);
            ips.setLong(2, accountId);
            ips.setString(3, ip);
            ips.setInt(4, port);
            ips.setObject(5, OffsetDateTime.ofInstant(Instant.ofEpochSecond(seenAtEpochSecond), ZoneOffset.UTC));
            ips.addBatch();
            counts.ipEntries++;
        }

        void flush() throws SQLException {
            accounts.executeBatch();
            if (pendingHistory) {
                history.executeBatch();
                pendingHistory = false;
            }
            devices.executeBatch();
            ips.executeBatch();
        }

        private static OffsetDateTime utc(Instant instant) {
            return instant.atOffset(ZoneOffset.UTC);
        }
    }

    /** A set of positive longs (E.164 numbers without the "+"), open addressing, at most half full. */
    static final class LongSet {
        private long[] table;
        private int size;

        LongSet(int expected) {
            table = new long[tableSize(expected)];
        }

        private static int tableSize(int expected) {
            int size = 16;
            while (size < expected * 2L && size < (1 << 30)) {
                size <<= 1;
            }
            return size;
        }

        /** Adds a value greater than 0; whether it was not there before. */
        boolean add(long value) {
            if (value <= 0) {
                throw new IllegalArgumentException("only positive values");
            }
            if (size * 2L >= table.length) {
                grow();
            }
            return insert(table, value);
        }

        private boolean insert(long[] t, long value) {
            int mask = t.length - 1;
            int i = (int) (mix(0, (int) value ^ (int) (value >>> 32)) & mask);
            while (t[i] != 0) {
                if (t[i] == value) {
                    return false;
                }
                i = (i + 1) & mask;
            }
            t[i] = value;
            if (t == table) {
                size++;
            }
            return true;
        }

        private void grow() {
            long[] bigger = new long[table.length * 2];
            for (long v : table) {
                if (v != 0) {
                    insert(bigger, v);
                }
            }
            table = bigger;
        }

        int size() {
            return size;
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
