package com.disclosuredesk.bench;

import ch.qos.logback.classic.Level;
import com.disclosuredesk.order.DataCategory;
import com.disclosuredesk.order.Target;
import com.disclosuredesk.order.TargetType;
import com.disclosuredesk.subscribers.DemoSubscriberGenerator;
import com.disclosuredesk.subscribers.JdbcSubscriberDirectory;
import com.disclosuredesk.subscribers.SubscriberDirectory;
import com.disclosuredesk.subscribers.TargetData;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.flywaydb.core.Flyway;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Benchmark of the disclosure extraction on a large embedded subscriber directory (not a unit test:
 * it prints figures and asserts nothing). Run it through {@code bench/disclosure-extraction.sh}.
 *
 * <p>It generates the directory ({@link DemoSubscriberGenerator}, by default 1,000,000 accounts with 50 IP
 * log entries on average, about 50 million rows) into an H2 file database under {@code target/bench/},
 * or reuses it when a complete one is already there, then extracts many orders through
 * {@link JdbcSubscriberDirectory} exactly as the disclosure step does: one {@code lookup} per target,
 * 10 targets per order (random existing accounts, named by username, account id or phone number in
 * varied written forms), a one-year period, categories {@code IP_ADDRESS} and {@code PHONE_NUMBER}.
 * After a warm-up it prints the per-order latency percentiles and a PASS/FAIL line against the target.
 */
public final class DisclosureExtractionBenchmark {

    /** "Now" of the generated data: fixed, so that a reused database and the periods match. */
    static final Instant ANCHOR = Instant.parse("2026-06-01T12:00:00Z");
    static final String SCHEMA_HISTORY = "dd_schema_history";

    private final Options o;

    private DisclosureExtractionBenchmark(Options options) {
        this.o = options;
    }

    public static void main(String[] args) throws Exception {
        ((ch.qos.logback.classic.Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).setLevel(Level.WARN);
        Options options;
        try {
            options = Options.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("disclosure-extraction: " + e.getMessage());
            System.err.println(Options.USAGE);
            System.exit(2);
            return;
        }
        if (options.help) {
            System.out.println(Options.USAGE);
            return;
        }
        boolean pass;
        try {
            pass = new DisclosureExtractionBenchmark(options).run();
        } catch (IllegalStateException e) {
            System.err.println("disclosure-extraction: " + e.getMessage());
            System.exit(2);
            return;
        }
        System.exit(pass ? 0 : 1);
    }

    private boolean run() throws Exception {
        Path dir = o.directory();
        Path marker = dir.resolve("complete.properties");
        String url = "jdbc:h2:file:" + dir.toAbsolutePath().resolve("subscribers") + o.h2Options;

        System.out.println("== Disclosure extraction benchmark (subscriber directory)");
        System.out.printf(Locale.ROOT, "directory       %,d accounts, %d IP log entries per account on average (%d to %d)%n",
                o.accounts, o.ipEntriesPerAccount, DemoSubscriberGenerator.minIpEntries(o.ipEntriesPerAccount),
                DemoSubscriberGenerator.maxIpEntries(o.ipEntriesPerAccount));
        System.out.printf(Locale.ROOT, "database        %s%n", url);
        System.out.printf(Locale.ROOT, "machine         %d cores, load average %.2f at start, JVM %s, max heap %d MiB%n",
                Runtime.getRuntime().availableProcessors(),
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
                System.getProperty("java.version"), Runtime.getRuntime().maxMemory() >> 20);

        if (!o.regenerate && Files.exists(marker)) {
            Properties p = load(marker);
            if (!Integer.toString(o.accounts).equals(p.getProperty("accounts"))
                    || !Integer.toString(o.ipEntriesPerAccount).equals(p.getProperty("ipEntriesPerAccount"))) {
                throw new IllegalStateException("the database in " + dir + " holds " + p.getProperty("accounts")
                        + " accounts with " + p.getProperty("ipEntriesPerAccount")
                        + " IP log entries each on average: --regenerate, or another --dir");
            }
        }
        if (o.regenerate || !Files.exists(marker)) {
            deleteDirectory(dir);
            Files.createDirectories(dir);
            try (HikariDataSource ds = dataSource(url)) {
                generate(ds, marker);
            }
            flushToDisk(dir); // so that the measurement does not compete with the OS writing the new file back
        } else {
            Properties p = load(marker);
            System.out.printf(Locale.ROOT, "generation      reused (generated %s in %s s, %,d rows, %,.0f rows/s); "
                            + "--regenerate to generate again%n",
                    p.getProperty("generatedAt"), p.getProperty("seconds"), Long.parseLong(p.getProperty("rows")),
                    Double.parseDouble(p.getProperty("rowsPerSecond")));
        }
        System.out.printf(Locale.ROOT, "database size   %,.1f MiB on disk (%s)%n", sizeOf(dir) / 1048576.0, dir);

        try (HikariDataSource ds = dataSource(url)) {
            migrate(ds); // a no-op on a complete database; applies migrations added since it was generated
            storeInfo(ds, "store at open ");
            if (o.explain) {
                explain(ds);
            }
            boolean pass = extract(ds);
            storeInfo(ds, "store at end  ");
            return pass;
        }
    }

    // ------------------------------------------------------------------ generation

    private void generate(HikariDataSource ds, Path marker) throws IOException {
        migrate(ds);
        System.out.printf(Locale.ROOT, "generation      %,d accounts, about %,d IP log rows ...%n",
                o.accounts, (long) o.accounts * o.ipEntriesPerAccount);
        double[] nextReport = {5};
        DemoSubscriberGenerator.Result r = new DemoSubscriberGenerator().generate(ds, o.accounts, ANCHOR,
                o.ipEntriesPerAccount, p -> {
                    if (p.percent() + 1e-9 >= nextReport[0] || p.accountsDone() == p.accounts()) {
                        System.out.printf(Locale.ROOT, "  %3.0f%%  %,11d accounts  %,13d IP log rows  %,9.0f rows/s  %6.0f s%n",
                                p.percent(), p.accountsDone(), p.ipEntries(), p.rowsPerSecond(),
                                p.elapsed().toMillis() / 1000.0);
                        while (nextReport[0] <= p.percent() + 1e-9) {
                            nextReport[0] += 5;
                        }
                    }
                });
        System.out.printf(Locale.ROOT, "generated       %,d accounts, %,d IP log rows, %,d devices, %,d username history rows"
                        + " = %,d rows in %.1f s (%.1f min): %,.0f rows/s%n",
                r.accounts(), r.ipEntries(), r.devices(), r.usernameHistoryEntries(), r.rows(),
                r.elapsed().toMillis() / 1000.0, r.elapsed().toMillis() / 60_000.0, r.rowsPerSecond());
        Properties p = new Properties();
        p.setProperty("accounts", Integer.toString(r.accounts()));
        p.setProperty("ipEntriesPerAccount", Integer.toString(o.ipEntriesPerAccount));
        p.setProperty("ipEntries", Integer.toString(r.ipEntries()));
        p.setProperty("rows", Long.toString(r.rows()));
        p.setProperty("seconds", String.format(Locale.ROOT, "%.1f", r.elapsed().toMillis() / 1000.0));
        p.setProperty("rowsPerSecond", String.format(Locale.ROOT, "%.0f", r.rowsPerSecond()));
        p.setProperty("generatedAt", Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString());
        try (OutputStream out = Files.newOutputStream(marker)) {
            p.store(out, "complete: the benchmark reuses this database");
        }
    }

    private static void migrate(HikariDataSource ds) {
        Flyway.configure().dataSource(ds).locations("classpath:db/migration").table(SCHEMA_HISTORY)
                .baselineOnMigrate(true).baselineVersion("0").load().migrate();
    }

    // ------------------------------------------------------------------ extraction

    private boolean extract(HikariDataSource ds) {
        SubscriberDirectory directory = new JdbcSubscriberDirectory(JdbcClient.create(ds));
        Instant periodTo = ANCHOR;
        Instant periodFrom = ANCHOR.minus(Duration.ofDays(365));
        Set<DataCategory> categories = EnumSet.of(DataCategory.IP_ADDRESS, DataCategory.PHONE_NUMBER);
        SplittableRandom rnd = new SplittableRandom(o.seed);
        JdbcClient jdbc = JdbcClient.create(ds);

        List<List<Target>> warmup = orders(jdbc, rnd, o.warmupOrders);
        List<List<Target>> measured = orders(jdbc, rnd, o.orders);

        System.gc(); // start from a clean heap, not from what generating the directory or the orders left behind
        long[] warmupNanos = new long[warmup.size()];
        for (int i = 0; i < warmup.size(); i++) {
            warmupNanos[i] = extractOne(directory, warmup.get(i), periodFrom, periodTo, categories, null, null);
        }
        long[] nanos = new long[measured.size()];
        int[] entries = new int[measured.size()];
        int notFound = 0;
        Map<TargetType, List<Long>> perType = new java.util.EnumMap<>(TargetType.class);
        GcWatch gc = GcWatch.start();
        for (int i = 0; i < measured.size(); i++) {
            int[] counts = new int[2];
            nanos[i] = extractOne(directory, measured.get(i), periodFrom, periodTo, categories, counts, perType);
            entries[i] = counts[0];
            notFound += counts[1];
        }

        System.out.printf(Locale.ROOT, "orders          %d warm-up, then %d measured; %d targets each (usernames, account ids, "
                        + "phone numbers in varied forms), period %s to %s, IP_ADDRESS + PHONE_NUMBER%n",
                warmup.size(), measured.size(), o.targets, periodFrom, periodTo);
        if (warmupNanos.length > 0) {
            System.out.printf(Locale.ROOT, "warm-up         first order %.1f ms (cold), warm-up p50 %.2f ms%n",
                    ms(warmupNanos[0]), ms(percentile(warmupNanos, 50)));
        }
        System.out.printf(Locale.ROOT, "per order       p50 %.2f ms | p95 %.2f ms | p99 %.2f ms | max %.2f ms | mean %.2f ms%n",
                ms(percentile(nanos, 50)), ms(percentile(nanos, 95)), ms(percentile(nanos, 99)),
                ms(Arrays.stream(nanos).max().orElse(0)), ms((long) Arrays.stream(nanos).average().orElse(0)));
        System.out.printf(Locale.ROOT, "per lookup      mean %.3f ms (%d lookups per order, one per target)%n",
                ms((long) Arrays.stream(nanos).average().orElse(0)) / o.targets, o.targets);
        perType.forEach((type, list) -> {
            long[] values = list.stream().mapToLong(Long::longValue).toArray();
            System.out.printf(Locale.ROOT, "  by %-10s  %4d lookups: p50 %.2f ms | p99 %.2f ms | max %.2f ms%n", type, values.length,
                    ms(percentile(values, 50)), ms(percentile(values, 99)), ms(Arrays.stream(values).max().orElse(0)));
        });
        gc.stop();
        System.out.printf(Locale.ROOT, "GC              %d collections during the measured orders, %d ms in all, longest %d ms%n",
                gc.count(), gc.totalMillis(), gc.longestMillis());
        System.out.printf(Locale.ROOT, "IP entries      per order min %d | mean %.1f | max %d; targets not found: %d%n",
                Arrays.stream(entries).min().orElse(0), Arrays.stream(entries).average().orElse(0),
                Arrays.stream(entries).max().orElse(0), notFound);
        double p99 = ms(percentile(nanos, 99));
        double max = ms(Arrays.stream(nanos).max().orElse(0));
        boolean pass = p99 < o.targetMs && notFound == 0;
        System.out.printf(Locale.ROOT, "%s            p99 %.2f ms %s %.0f ms per order of %d targets over one year "
                        + "(max %.2f ms%s)%n",
                pass ? "PASS" : "FAIL", p99, p99 < o.targetMs ? "<" : ">=", o.targetMs, o.targets, max,
                max < o.targetMs ? ", also under the target" : ", over the target");
        return pass;
    }

    /**
     * Extracts one order as the disclosure step does: one lookup per target. Returns the elapsed nanoseconds;
     * each lookup's time goes into {@code perType} (by target type), when given.
     */
    private static long extractOne(SubscriberDirectory directory, List<Target> targets, Instant from, Instant to,
            Set<DataCategory> categories, int[] counts, Map<TargetType, List<Long>> perType) {
        long started = System.nanoTime();
        int entries = 0;
        int notFound = 0;
        long last = started;
        for (Target target : targets) {
            TargetData data = directory.lookup(target, from, to, categories);
            entries += data.ipEntries().size();
            if (!data.found()) {
                notFound++;
            }
            if (perType != null) {
                long now = System.nanoTime();
                perType.computeIfAbsent(target.type(), t -> new ArrayList<>()).add(now - last);
                last = now;
            }
        }
        long elapsed = System.nanoTime() - started;
        if (counts != null) {
            counts[0] = entries;
            counts[1] = notFound;
        }
        return elapsed;
    }

    /** Orders of random existing accounts; the phone numbers are read beforehand (not timed). */
    private List<List<Target>> orders(JdbcClient jdbc, SplittableRandom rnd, int count) {
        List<List<Target>> orders = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            List<Target> targets = new ArrayList<>(o.targets);
            for (int t = 0; t < o.targets; t++) {
                int n = 1 + rnd.nextInt(o.accounts);
                long id = DemoSubscriberGenerator.accountId(n);
                int kind = rnd.nextInt(10);
                if (kind < 4) {
                    String username = DemoSubscriberGenerator.username(n, o.accounts);
                    targets.add(new Target(TargetType.USERNAME, switch (rnd.nextInt(3)) {
                        case 0 -> username;
                        case 1 -> username.substring(1);                     // without the '@'
                        default -> username.toUpperCase(Locale.ROOT);
                    }));
                } else if (kind < 7) {
                    targets.add(new Target(TargetType.ACCOUNT_ID, Long.toString(id)));
                } else {
                    String phone = jdbc.sql("SELECT phone_e164 FROM sub_account WHERE id = ?").param(id)
                            .query(String.class).single();
                    targets.add(new Target(TargetType.PHONE, written(phone, rnd)));
                }
            }
            orders.add(targets);
        }
        return orders;
    }

    /** An E.164 number as people write it: as is, with 00, with spaces, with dashes and dots. */
    static String written(String e164, SplittableRandom rnd) {
        String digits = e164.substring(1);
        return switch (rnd.nextInt(4)) {
            case 0 -> e164;
            case 1 -> "00" + digits;
            case 2 -> "+" + digits.substring(0, 2) + " " + digits.substring(2, 5) + " " + digits.substring(5);
            default -> "+" + digits.substring(0, 2) + "-" + digits.substring(2, 5) + "." + digits.substring(5, 8)
                    + "-" + digits.substring(8);
        };
    }

    // ------------------------------------------------------------------ EXPLAIN

    /** Prints the plan H2 uses for each query of the directory (EXPLAIN ANALYZE, on one random account). */
    private void explain(HikariDataSource ds) throws IllegalAccessException {
        JdbcClient jdbc = JdbcClient.create(ds);
        int n = 1 + new SplittableRandom(o.seed + 1).nextInt(o.accounts);
        long id = DemoSubscriberGenerator.accountId(n);
        String phone = jdbc.sql("SELECT phone_e164 FROM sub_account WHERE id = ?").param(id).query(String.class).single();
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("accountId", id);
        params.put("phone", phone);
        params.put("username", DemoSubscriberGenerator.username(n, o.accounts));
        params.put("periodFrom", OffsetDateTime.ofInstant(ANCHOR.minus(Duration.ofDays(365)), ZoneOffset.UTC));
        params.put("periodTo", OffsetDateTime.ofInstant(ANCHOR, ZoneOffset.UTC));
        for (Field f : JdbcSubscriberDirectory.class.getDeclaredFields()) {
            if (f.getType() == String.class && Modifier.isStatic(f.getModifiers()) && f.getName().equals(f.getName().toUpperCase())) {
                f.setAccessible(true);
                String sql = ((String) f.get(null)).strip();
                if (!sql.startsWith("SELECT")) {
                    continue;
                }
                JdbcClient.StatementSpec spec = jdbc.sql("EXPLAIN ANALYZE " + sql);
                for (Map.Entry<String, Object> p : params.entrySet()) {
                    if (sql.contains(":" + p.getKey())) {
                        spec = spec.param(p.getKey(), p.getValue());
                    }
                }
                System.out.println("-- EXPLAIN ANALYZE " + f.getName() + " (account " + id + ")");
                spec.query(String.class).list().forEach(System.out::println);
            }
        }
    }

    // ------------------------------------------------------------------ helpers

    /** H2's own figures of its store: fill rate (live data in the file), cache, reads and writes since opening. */
    private static void storeInfo(HikariDataSource ds, String label) {
        Map<String, String> info = new LinkedHashMap<>();
        JdbcClient.create(ds).sql("SELECT SETTING_NAME, SETTING_VALUE FROM INFORMATION_SCHEMA.SETTINGS"
                        + " WHERE SETTING_NAME LIKE 'info.%'")
                .query((rs, i) -> info.put(rs.getString(1), rs.getString(2))).list();
        if (info.isEmpty()) {
            return;
        }
        System.out.printf(Locale.ROOT, "%s  H2 fill rate %s%%, chunks fill rate %s%%, cache %s of %s MiB (hit ratio %s%%), "
                        + "reads %s (%s MiB), writes %s (%s MiB)%n", label,
                info.get("info.FILL_RATE"), info.get("info.CHUNKS_FILL_RATE"), info.get("info.CACHE_SIZE"),
                info.get("info.CACHE_MAX_SIZE"), info.get("info.CACHE_HIT_RATIO"), info.get("info.FILE_READ"),
                mib(info.get("info.FILE_READ_BYTES")), info.get("info.FILE_WRITE"), mib(info.get("info.FILE_WRITE_BYTES")));
    }

    private static String mib(String bytes) {
        return bytes == null ? "?" : Long.toString(Long.parseLong(bytes) >> 20);
    }

    private HikariDataSource dataSource(String url) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        config.setUsername("sa");
        config.setPassword("");
        config.setMaximumPoolSize(4);
        config.setPoolName("bench");
        return new HikariDataSource(config);
    }

    /** Collects the durations of the garbage collections between start and stop (JMX notifications). */
    static final class GcWatch implements javax.management.NotificationListener {
        private final List<Long> durations = java.util.Collections.synchronizedList(new ArrayList<>());
        private final List<javax.management.NotificationEmitter> emitters = new ArrayList<>();

        static GcWatch start() {
            GcWatch watch = new GcWatch();
            for (java.lang.management.GarbageCollectorMXBean bean : ManagementFactory.getGarbageCollectorMXBeans()) {
                if (bean instanceof javax.management.NotificationEmitter emitter) {
                    emitter.addNotificationListener(watch, null, null);
                    watch.emitters.add(emitter);
                }
            }
            return watch;
        }

        @Override
        public void handleNotification(javax.management.Notification n, Object handback) {
            if (com.sun.management.GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(n.getType())) {
                com.sun.management.GarbageCollectionNotificationInfo info = com.sun.management.GarbageCollectionNotificationInfo
                        .from((javax.management.openmbean.CompositeData) n.getUserData());
                if (!info.getGcAction().contains("concurrent") && !info.getGcName().contains("Concurrent")) {
                    durations.add(info.getGcInfo().getDuration());
                }
            }
        }

        void stop() {
            for (javax.management.NotificationEmitter emitter : emitters) {
                try {
                    emitter.removeNotificationListener(this);
                } catch (javax.management.ListenerNotFoundException e) {
                    // already gone
                }
            }
        }

        int count() {
            return durations.size();
        }

        long totalMillis() {
            synchronized (durations) {
                return durations.stream().mapToLong(Long::longValue).sum();
            }
        }

        long longestMillis() {
            synchronized (durations) {
                return durations.stream().mapToLong(Long::longValue).max().orElse(0);
            }
        }
    }

    static long percentile(long[] values, double p) {
        if (values.length == 0) {
            return 0;
        }
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(p / 100.0 * sorted.length); // nearest rank
        return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1];
    }

    private static double ms(long nanos) {
        return nanos / 1e6;
    }

    private static void flushToDisk(Path dir) throws IOException {
        long started = System.nanoTime();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                try (java.nio.channels.FileChannel channel = java.nio.channels.FileChannel.open(f,
                        java.nio.file.StandardOpenOption.WRITE)) {
                    channel.force(true);
                }
            }
        }
        System.out.printf(Locale.ROOT, "flushed         the database files to disk in %.1f s%n", (System.nanoTime() - started) / 1e9);
    }

    private static long sizeOf(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return 0;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).mapToLong(f -> f.toFile().length()).sum();
        }
    }

    /** Deletes a database directory of this benchmark; refuses a directory holding anything else. */
    private static void deleteDirectory(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        List<Path> files;
        try (Stream<Path> list = Files.list(dir)) {
            files = list.toList();
        }
        for (Path f : files) {
            String name = f.getFileName().toString();
            if (!Files.isRegularFile(f) || !(name.startsWith("subscribers.") || name.equals("complete.properties"))) {
                throw new IllegalStateException(dir + " holds " + name + ", which is not the benchmark's: not deleted");
            }
        }
        for (Path f : files) {
            Files.delete(f);
        }
        Files.delete(dir);
    }

    private static Properties load(Path file) throws IOException {
        Properties p = new Properties();
        try (InputStream in = Files.newInputStream(file)) {
            p.load(in);
        }
        return p;
    }

    // ------------------------------------------------------------------ options

    static final class Options {

        static final String USAGE = """
                usage: bench/disclosure-extraction.sh [options]
                  --accounts N                 accounts in the directory (default 1000000)
                  --ip-entries-per-account A   average IP log entries per account (default 50)
                  --dir PATH                   database directory (default target/bench/subscribers-<N>-<A>)
                  --regenerate                 generate again even if a complete database is there
                  --orders N                   measured orders (default 1000)
                  --warmup-orders N            warm-up orders, not measured (default 200)
                  --targets N                  targets per order (default 10)
                  --target-ms MS               the latency target per order, for p99 (default 100)
                  --seed S                     seed of the random choice of targets (default 1)
                  --h2-options ';K=V...'       extra H2 URL settings (default ;DB_CLOSE_ON_EXIT=FALSE;LOCK_TIMEOUT=10000,
                                               as the application; note that H2 keeps some, e.g. CACHE_SIZE,
                                               in the database)
                  --explain                    print EXPLAIN ANALYZE of the directory's queries
                """;

        int accounts = 1_000_000;
        int ipEntriesPerAccount = 50;
        String dir;
        boolean regenerate;
        int orders = 1000;
        int warmupOrders = 200;
        int targets = 10;
        double targetMs = 100;
        long seed = 1;
        String h2Options = ";DB_CLOSE_ON_EXIT=FALSE;LOCK_TIMEOUT=10000";
        boolean explain;
        boolean help;

        static Options parse(String[] args) {
            Options o = new Options();
            for (int i = 0; i < args.length; i++) {
                String a = args[i];
                switch (a) {
                    case "--accounts" -> o.accounts = positive(a, value(args, ++i, a));
                    case "--ip-entries-per-account" -> o.ipEntriesPerAccount = positive(a, value(args, ++i, a));
                    case "--dir" -> o.dir = value(args, ++i, a);
                    case "--regenerate" -> o.regenerate = true;
                    case "--orders" -> o.orders = positive(a, value(args, ++i, a));
                    case "--warmup-orders" -> o.warmupOrders = Integer.parseInt(value(args, ++i, a));
                    case "--targets" -> o.targets = positive(a, value(args, ++i, a));
                    case "--target-ms" -> o.targetMs = Double.parseDouble(value(args, ++i, a));
                    case "--seed" -> o.seed = Long.parseLong(value(args, ++i, a));
                    case "--h2-options" -> o.h2Options = value(args, ++i, a);
                    case "--explain" -> o.explain = true;
                    case "-h", "--help" -> o.help = true;
                    default -> throw new IllegalArgumentException("unknown option " + a);
                }
            }
            if (o.accounts > DemoSubscriberGenerator.MAX_ACCOUNTS) {
                throw new IllegalArgumentException("--accounts: at most " + DemoSubscriberGenerator.MAX_ACCOUNTS);
            }
            if (o.ipEntriesPerAccount > DemoSubscriberGenerator.MAX_IP_ENTRIES_PER_ACCOUNT) {
                throw new IllegalArgumentException("--ip-entries-per-account: at most "
                        + DemoSubscriberGenerator.MAX_IP_ENTRIES_PER_ACCOUNT);
            }
            return o;
        }

        Path directory() {
            return dir != null ? Paths.get(dir)
                    : Paths.get("target", "bench", "subscribers-" + accounts + "-" + ipEntriesPerAccount);
        }

        private static String value(String[] args, int i, String option) {
            if (i >= args.length) {
                throw new IllegalArgumentException(option + " needs a value");
            }
            return args[i];
        }

        private static int positive(String option, String value) {
            int v = Integer.parseInt(value.replace("_", ""));
            if (v < 1) {
                throw new IllegalArgumentException(option + " must be at least 1");
            }
            return v;
        }
    }
}
