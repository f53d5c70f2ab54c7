package navsync.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import navsync.sandbox.SalesSandbox;

/**
 * The Sales sandbox of one benchmark run, on 127.0.0.1 and a free port: by default in a JVM of its
 * own (so that the measured JVM's heap is navsync's alone and the sandbox's rows, a million accounts
 * for the largest run, do not count against {@code -Xmx512m}), or in the measured JVM.
 *
 * <p>As a main class it is that sandbox JVM: starts {@link SalesSandbox} with the {@link SandboxSpec}
 * options, prints {@code URL <organization url>}, and serves until its standard input closes (so it
 * never outlives the benchmark).
 */
final class BenchSandbox implements AutoCloseable {

    private final Process process;
    private final SalesSandbox inProcess;
    private final String organizationUrl;

    private BenchSandbox(Process process, SalesSandbox inProcess, String organizationUrl) {
        this.process = process;
        this.inProcess = inProcess;
        this.organizationUrl = organizationUrl;
    }

    static BenchSandbox start(SandboxSpec spec, boolean forked, String heap, Path log, List<String> jvmArgs) {
        if (!forked) {
            SalesSandbox sandbox = SalesSandbox.start(spec.options());
            return new BenchSandbox(null, sandbox, sandbox.organizationUrl());
        }
        List<String> command = new ArrayList<>(List.of(Bench.javaExecutable(), "-Xmx" + heap, "-Xms" + heap));
        command.addAll(jvmArgs);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), BenchSandbox.class.getName()));
        command.addAll(spec.args());
        try {
            Files.createDirectories(log.getParent());
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
            String url = null;
            String line;
            List<String> early = new ArrayList<>();
            while ((line = out.readLine()) != null) {
                if (line.startsWith("URL ")) {
                    url = line.substring(4).trim();
                    break;
                }
                early.add(line);
            }
            if (url == null) {
                p.destroyForcibly();
                throw new IllegalStateException("the sandbox JVM did not start: " + String.join("\n", early));
            }
            Files.write(log, early, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            Thread drain = new Thread(() -> {
                try (var w = Files.newBufferedWriter(log, StandardOpenOption.CREATE, StandardOpenOption.APPEND)) {
                    String l;
                    while ((l = out.readLine()) != null) {
                        w.write(l);
                        w.newLine();
                        w.flush();
                    }
                } catch (IOException ignored) {
                    // the sandbox went away
                }
            }, "bench-sandbox-log");
            drain.setDaemon(true);
            drain.start();
            return new BenchSandbox(p, null, url);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String organizationUrl() {
        return organizationUrl;
    }

    long pid() {
        return process == null ? ProcessHandle.current().pid() : process.pid();
    }

    @Override
    public void close() {
        if (inProcess != null) {
            inProcess.close();
            return;
        }
        try {
            process.getOutputStream().close();
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroy();
                process.waitFor(10, TimeUnit.SECONDS);
            }
        } catch (IOException e) {
            process.destroy();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroy();
        }
    }

    /** The sandbox JVM. */
    public static void main(String[] args) throws IOException {
        SandboxSpec spec = SandboxSpec.parse(Options.parse(args, List.of("protection")));
        SalesSandbox sandbox = SalesSandbox.start(spec.options());
        System.out.println("sandbox: " + spec.describe());
        System.out.println("URL " + sandbox.organizationUrl());
        System.out.flush();
        try {
            while (System.in.read() >= 0) {
                // serve until the benchmark closes our standard input
            }
        } finally {
            sandbox.close();
        }
        System.exit(0);
    }
}
