package com.disclosuredesk.cluster;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import com.disclosuredesk.support.LocalPostgres;

/**
 * Application nodes on one PostgreSQL database, driven through {@code scripts/cluster.sh} exactly as an operator
 * would: {@code start}, {@code node start NAME}, {@code node kill NAME} (SIGKILL), {@code stop}. Each node is the packaged jar
 * ({@code -Xmx512m}) with the profiles {@code demo,postgres}, its own port and node id {@code node-NAME}.
 */
final class ClusterNodes implements AutoCloseable {

    private final Path project;
    private final Path dir;
    private final Map<String, Integer> ports = new LinkedHashMap<>();
    private final Map<String, String> env = new LinkedHashMap<>();

    ClusterNodes(Path project, Path dir, Path jar, LocalPostgres postgres, String database, List<String> names,
                 String appArgs) throws IOException {
        this.project = project;
        this.dir = dir;
        Files.createDirectories(dir);
        for (String name : names) {
            ports.put(name, freePort());
        }
        env.put("CLUSTER_DIR", dir.toString());
        env.put("CLUSTER_NODES", ports.entrySet().stream().map(e -> e.getKey() + ":" + e.getValue())
                .collect(Collectors.joining(" ")));
        env.put("CLUSTER_JAR", jar.toString());
        env.put("CLUSTER_PROFILES", "demo,postgres");
        // C1 only: the nodes start faster on a small machine; the tests measure correctness, not speed
        env.put("CLUSTER_JAVA_OPTS", "-Xmx512m -XX:TieredStopAtLevel=1");
        env.put("CLUSTER_APP_ARGS", appArgs);
        env.put("DISCLOSURE_DESK_DB_URL", postgres.jdbcUrl(database));
        env.put("DISCLOSURE_DESK_DB_USER", postgres.user());
        env.put("DISCLOSURE_DESK_DB_PASSWORD", postgres.password());
    }

    URI url(String name) {
        return URI.create("http://127.0.0.1:" + ports.get(name));
    }

    /** Starts every node at once ({@code scripts/cluster.sh start}) and waits until all answer HTTP. */
    Duration startAll() {
        long t0 = System.nanoTime();
        run("start");
        return Duration.ofNanos(System.nanoTime() - t0);
    }

    Path log(String name) {
        return dir.resolve(name + ".log");
    }

    /** Starts a node and waits until it answers HTTP; returns how long that took. */
    Duration start(String name) {
        long t0 = System.nanoTime();
        run("node", "start", name);
        return Duration.ofNanos(System.nanoTime() - t0);
    }

    /** Starts a node with other arguments than the cluster's ({@code CLUSTER_APP_ARGS} for this node's start only). */
    Duration start(String name, String appArgs) {
        String clusterArgs = env.put("CLUSTER_APP_ARGS", appArgs);
        try {
            return start(name);
        } finally {
            env.put("CLUSTER_APP_ARGS", clusterArgs);
        }
    }

    /** {@code kill -9}: the node dies mid-work, without any shutdown. */
    void kill(String name) {
        run("node", "kill", name);
    }

    @Override
    public void close() {
        run("stop");
    }

    private void run(String... args) {
        List<String> command = new ArrayList<>(List.of("bash", project.resolve("scripts/cluster.sh").toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(project.toFile()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("cluster-sh.log").toFile()));
        builder.environment().putAll(env);
        try {
            Process process = builder.start();
            if (!process.waitFor(10, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new AssertionError("scripts/cluster.sh " + String.join(" ", args) + " did not finish");
            }
            if (process.exitValue() != 0) {
                throw new AssertionError("scripts/cluster.sh " + String.join(" ", args) + " failed (exit "
                        + process.exitValue() + "):\n" + tail(dir.resolve("cluster-sh.log")));
            }
        } catch (IOException e) {
            throw new AssertionError("cannot run scripts/cluster.sh", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private static String tail(Path file) {
        try {
            List<String> lines = Files.readAllLines(file);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
