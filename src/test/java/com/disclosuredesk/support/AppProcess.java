package com.disclosuredesk.support;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.awaitility.core.ConditionTimeoutException;

/**
 * The packaged application as a child process, as an operator runs it: {@code java -jar} in a working directory of its
 * own (so the embedded default's {@code ./data} lives there), killed with {@link #kill()} ({@code kill -9}: the JVM
 * gets no chance to write or close anything) and started again on the same directory.
 */
public final class AppProcess implements AutoCloseable {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final Path jar;
    private final Path workDir;
    private final int port;
    private final List<String> jvmOptions;
    private final List<String> appArgs;
    private final Map<String, String> env;
    private Process process;
    private long startedAt;

    public AppProcess(Path jar, Path workDir, List<String> jvmOptions, List<String> appArgs, Map<String, String> env)
            throws IOException {
        this.jar = jar;
        this.workDir = workDir;
        this.jvmOptions = jvmOptions;
        this.appArgs = appArgs;
        this.env = env;
        this.port = freePort();
        Files.createDirectories(workDir);
    }

    public URI url(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    public Path log() {
        return workDir.resolve("app.log");
    }

    /** Starts the process (returns at once; see {@link #awaitReady}). */
    public void start() throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.add("-jar");
        command.add(jar.toString());
        command.add("--server.port=" + port);
        command.addAll(appArgs);
        ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log().toFile()));
        builder.environment().putAll(env);
        startedAt = System.nanoTime();
        process = builder.start();
    }

    /** Waits until the readiness probe answers UP; returns the seconds since {@link #start()}. */
    public double awaitReady(Duration timeout) throws Exception {
        HttpRequest probe = HttpRequest.newBuilder(url("/actuator/health/readiness")).timeout(Duration.ofSeconds(5)).build();
        try {
            Polling.await("the application ready", timeout, Duration.ofMillis(100)).until(() -> {
                if (!process.isAlive()) {
                    throw new AssertionError("the application exited with " + process.exitValue() + "; log: " + log());
                }
                return isReady(probe);
            });
        } catch (ConditionTimeoutException e) {
            throw new AssertionError("the application was not ready within " + timeout + "; log: " + log(), e);
        }
        return (System.nanoTime() - startedAt) / 1e9;
    }

    public boolean isReady() {
        return isReady(HttpRequest.newBuilder(url("/actuator/health/readiness")).timeout(Duration.ofSeconds(5)).build());
    }

    private static boolean isReady(HttpRequest probe) {
        try {
            HttpResponse<String> r = HTTP.send(probe, HttpResponse.BodyHandlers.ofString());
            return r.statusCode() == 200 && r.body().contains("\"UP\"");
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** {@code kill -9} ({@link Process#destroyForcibly()} is SIGKILL on Linux), and waits until the process is gone. */
    public void kill() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroyForcibly();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                throw new AssertionError("the application did not die on SIGKILL");
            }
        }
    }

    @Override
    public void close() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroy();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
