package io.camelexo.examples.offboarding;

import io.camelexo.exchangeonline.simulator.AppCredentials;
import io.camelexo.exchangeonline.simulator.TenantSimulator;
import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.awaitility.Awaitility;

/**
 * Instances of the application, each in a JVM of its own, configured as for a real tenant (the simulator in the
 * test's JVM, whose state so outlives them), the client secret in the environment. Each one's log is kept in target/
 * for a look after the build.
 */
final class ApplicationProcesses implements AutoCloseable {

    static final Duration START_TIMEOUT = Duration.ofSeconds(120);

    private final TenantSimulator simulator;
    private final String tenant;
    private final Path work;
    private final String testName;
    private final List<Process> started = new ArrayList<>();

    ApplicationProcesses(TenantSimulator simulator, String tenant, Path work, String testName) {
        this.simulator = simulator;
        this.tenant = tenant;
        this.work = work;
        this.testName = testName;
    }

    /** Starts an instance on the port with these extra settings (--name=value); does not wait for it. */
    Process launch(int port, String name, List<String> settings) throws IOException {
        AppCredentials app = simulator.defaultApp(tenant);
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m",
                // the simulator's Entra ID has a self-signed certificate: trusted the way a TLS-inspecting proxy's
                // would be
                "-Djavax.net.ssl.trustStore=" + simulator.trustStorePath(),
                "-Djavax.net.ssl.trustStoreType=PKCS12",
                "-Djavax.net.ssl.trustStorePassword=" + simulator.trustStorePassword(),
                "-cp",
                absoluteClassPath(),
                OffboardingApplication.class.getName(),
                "--server.port=" + port,
                "--offboarding.drop-folder=" + work.resolve("inbox-" + name),
                "--offboarding.poll-interval=200ms",
                "--camel.component.exo.organization=" + tenant,
                "--camel.component.exo.connection-uri=" + simulator.exchangeUrl(),
                "--camel.component.exo.azure-ad-authorization-endpoint-uri=" + simulator.authorityUrl(tenant),
                "--camel.component.exo.app-id=" + app.appId()));
        command.addAll(settings);
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(work.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log(name).toFile());
        builder.environment().put("CAMEL_COMPONENT_EXO_CLIENTSECRET", app.clientSecret());
        Process application = builder.start();
        started.add(application);
        return application;
    }

    /** Waits until the instance is ready (every route started). */
    void awaitReady(Process application, int port, String name) {
        await(application, name, () -> new LeaverApi(port).readiness() == 200);
    }

    /** Waits until the instance is up, ready or not. */
    void awaitLive(Process application, int port, String name) {
        await(application, name, () -> new LeaverApi(port).liveness() == 200);
    }

    private void await(Process application, String name, Callable<Boolean> condition) {
        Awaitility.await()
                .atMost(START_TIMEOUT)
                .pollInterval(Duration.ofMillis(200))
                .ignoreExceptions()
                .failFast("the application exited; see " + log(name).toAbsolutePath(), () -> !application.isAlive())
                .until(condition);
    }

    /** Starts an instance and waits until it is ready. */
    Process start(int port, String name, List<String> settings) throws IOException {
        Process application = launch(port, name, settings);
        awaitReady(application, port, name);
        return application;
    }

    Path log(String name) {
        return Path.of("target", testName + "-" + name + ".log");
    }

    /** This JVM's class path with every entry absolute: the instances run in the work folder. */
    static String absoluteClassPath() {
        return Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .map(entry -> Path.of(entry).toAbsolutePath().toString())
                .collect(Collectors.joining(File.pathSeparator));
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** Stops every instance started so far (SIGTERM: a graceful shutdown). */
    @Override
    public void close() throws InterruptedException {
        for (Process application : started) {
            application.destroy();
            application.waitFor(30, TimeUnit.SECONDS);
        }
        started.clear();
    }
}
