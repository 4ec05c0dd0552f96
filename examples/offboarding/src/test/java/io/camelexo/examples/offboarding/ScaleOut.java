package io.camelexo.examples.offboarding;

import static io.camelexo.examples.offboarding.LeaverApi.event;

import com.fasterxml.jackson.databind.JsonNode;
import io.camelexo.examples.kafka.testbroker.InJvmKafkaBroker;
import io.camelexo.exchangeonline.simulator.TenantSimulator;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;

/**
 * Several instances of the application sharing one leaver topic (an in-JVM Kafka broker), one database (H2 in server
 * mode, its own process) and one tenant (the simulator, in this JVM), each instance a JVM of its own that can be
 * killed. Used by {@link KafkaScaleOutTest} and {@link ScaleOutFigures}.
 */
final class ScaleOut implements AutoCloseable {

    static final String TENANT = TenantSimulator.DEFAULT_TENANT;
    static final int STEPS = OffboardingStep.values().length;
    private static final int SENDERS = 8;
    /** What an instance logs when it starts and finishes a leaver, before the event id. */
    static final String STARTED = "Offboarding ";

    static final String FINISHED = "Offboarded ";

    final TenantSimulator simulator;
    final InJvmKafkaBroker broker;
    final SimulatedTenant tenant;
    private final Process database;
    private final String jdbcUrl;
    private final ApplicationProcesses applications;
    private final Set<String> taken = new HashSet<>();

    /** One instance: its name, HTTP port and process. */
    record Instance(String name, int port, Process process) {
        LeaverApi api() {
            return new LeaverApi(port);
        }
    }

    /** A person who leaves, and who takes over the mailbox. */
    record Leaver(String userPrincipalName, String manager) {}

    ScaleOut(int mailboxes, Path work, String name) throws IOException {
        simulator = TenantSimulator.builder()
                .mailboxes(mailboxes)
                .tenant(TENANT)
                .build()
                .start();
        tenant = new SimulatedTenant(simulator);
        broker = InJvmKafkaBroker.start();
        int databasePort = ApplicationProcesses.freePort();
        Files.createDirectories(work.resolve("database"));
        // the shared database as its own process, started the way the README starts it
        database = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-cp",
                        ApplicationProcesses.absoluteClassPath(),
                        "org.h2.tools.Server",
                        "-tcp",
                        "-tcpPort",
                        String.valueOf(databasePort),
                        "-ifNotExists",
                        "-baseDir",
                        work.resolve("database").toString())
                .redirectErrorStream(true)
                .redirectOutput(Path.of("target", name + "-database.log").toFile())
                .start();
        jdbcUrl = "jdbc:h2:tcp://127.0.0.1:" + databasePort + "/offboarding";
        applications = new ApplicationProcesses(simulator, TENANT, work, name);
        Awaitility.await()
                .atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(100))
                .ignoreExceptions()
                .until(() -> {
                    try (Connection db = database()) {
                        return db.isValid(1);
                    }
                });
    }

    private List<Instance> launch(int count, String prefix, String brokers) throws IOException {
        List<Instance> instances = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            int port = ApplicationProcesses.freePort();
            String name = prefix + i;
            Process process = applications.launch(
                    port,
                    name,
                    List.of(
                            "--spring.datasource.url=" + jdbcUrl,
                            "--offboarding.kafka.brokers=" + brokers,
                            // Kafka's smallest: a killed instance's partitions move on within seconds
                            "--offboarding.kafka.session-timeout=6s",
                            "--offboarding.kafka.publish-timeout=5s"));
            instances.add(new Instance(name, port, process));
        }
        return instances;
    }

    /** Instances on the shared topic and database, started together; returned once all are ready. */
    List<Instance> start(int count, String prefix) throws IOException {
        List<Instance> instances = launch(count, prefix, broker.bootstrapServers());
        for (Instance instance : instances) {
            applications.awaitReady(instance.process(), instance.port(), instance.name());
        }
        return instances;
    }

    /** An instance whose broker is elsewhere (down), once it is up. */
    Instance startWithBrokers(String brokers, String name) throws IOException {
        Instance instance = launch(1, name, brokers).get(0);
        applications.awaitLive(instance.process(), instance.port(), instance.name());
        return instance;
    }

    Path log(Instance instance) {
        return applications.log(instance.name());
    }

    /** Leavers among the tenant's user mailboxes, with a few managers, none of them in an earlier call's list. */
    List<Leaver> leavers(int count) {
        List<String> people = tenant.userMailboxes(count, taken);
        List<String> managers = tenant.userMailboxes(Math.max(1, count / 50), taken);
        List<Leaver> leavers = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            leavers.add(new Leaver(people.get(i), managers.get(i % managers.size())));
        }
        return leavers;
    }

    /**
     * Submits each leaver (effective today) to one of the instances in turn, from several threads as several HR
     * systems would; each must answer 202.
     */
    void submit(List<Leaver> leavers, List<Instance> instances) throws InterruptedException {
        ExecutorService senders = Executors.newFixedThreadPool(SENDERS);
        try {
            List<Future<?>> sent = new ArrayList<>();
            for (int i = 0; i < leavers.size(); i++) {
                Leaver leaver = leavers.get(i);
                LeaverApi api = instances.get(i % instances.size()).api();
                sent.add(senders.submit(() -> {
                    LeaverApi.Answer answer =
                            api.submit(event(leaver.userPrincipalName(), leaver.manager(), LocalDate.now()));
                    if (answer.status() != 202) {
                        throw new IllegalStateException(
                                "POST /leavers answered " + answer.status() + " for " + leaver + ": " + answer.body());
                    }
                }));
            }
            for (Future<?> answer : sent) {
                answer.get();
            }
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        } finally {
            senders.shutdownNow();
        }
    }

    void kill(Instance instance) throws InterruptedException {
        instance.process().destroyForcibly().waitFor(30, TimeUnit.SECONDS);
    }

    /** Stops every instance started so far. */
    void stopAll() throws InterruptedException {
        applications.close();
    }

    /** Stops the instances the way an orchestrator does (SIGTERM, graceful shutdown). */
    void stop(List<Instance> instances) throws InterruptedException {
        instances.forEach(instance -> instance.process().destroy());
        for (Instance instance : instances) {
            instance.process().waitFor(60, TimeUnit.SECONDS);
        }
    }

    /**
     * The event the instance is in the middle of, once it has offboarded a few people and has recorded at least one
     * step, not all, of the one it works on (from its log and the audit trail); null if it is not there (yet).
     */
    String midFlow(Instance instance, int finishedAtLeast) throws IOException, SQLException {
        String text = Files.readString(log(instance), StandardCharsets.UTF_8);
        int started = text.lastIndexOf(STARTED);
        int lineEnd = started < 0 ? -1 : text.indexOf('\n', started);
        if (count(text, FINISHED) < finishedAtLeast || lineEnd < 0) {
            return null;
        }
        String eventId = text.substring(started + STARTED.length(), lineEnd).strip();
        if (text.contains(FINISHED + eventId + ":")) {
            return null;
        }
        try (Connection db = database();
                PreparedStatement query = db.prepareStatement(
                        "SELECT COUNT(*) FROM offboarding_audit WHERE event_id = ? AND status = 'DONE'")) {
            query.setString(1, eventId);
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                int done = rows.getInt(1);
                return done > 0 && done < STEPS ? eventId : null;
            }
        }
    }

    private static int count(String text, String part) {
        int count = 0;
        for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + 1)) {
            count++;
        }
        return count;
    }

    /** Events with some steps done and some not: those in flight. */
    int inFlight() throws SQLException {
        try (Connection db = database();
                ResultSet rows = db.createStatement().executeQuery("""
                                SELECT COUNT(*) FROM leaver_events e WHERE e.status = 'PENDING' AND EXISTS (
                                    SELECT 1 FROM offboarding_audit a WHERE a.event_id = e.event_id AND a.status = 'DONE')""")) {
            rows.next();
            return rows.getInt(1);
        }
    }

    /** Waits until every one of these leavers' events is completed. */
    void awaitCompleted(List<Leaver> leavers, Duration timeout) {
        Awaitility.await()
                .atMost(timeout)
                .pollInterval(Duration.ofMillis(250))
                .until(() -> statuses(leavers).getOrDefault("COMPLETED", 0) == leavers.size());
    }

    /** How many of these leavers' events are in each status. */
    Map<String, Integer> statuses(List<Leaver> leavers) throws SQLException {
        Set<String> people = new HashSet<>();
        leavers.forEach(leaver -> people.add(leaver.userPrincipalName()));
        Map<String, Integer> statuses = new HashMap<>();
        try (Connection db = database();
                ResultSet rows = db.createStatement().executeQuery("SELECT upn, status FROM leaver_events")) {
            while (rows.next()) {
                if (people.contains(rows.getString("upn"))) {
                    statuses.merge(rows.getString("status"), 1, Integer::sum);
                }
            }
        }
        return statuses;
    }

    /**
     * The audit trail's DONE rows per event and step, and every FAILED row: a step recorded twice, or failed, would be
     * a step run twice with a different outcome.
     */
    Journal journal(List<Leaver> leavers) throws SQLException {
        Set<String> people = new HashSet<>();
        leavers.forEach(leaver -> people.add(leaver.userPrincipalName()));
        Map<String, Integer> done = new HashMap<>();
        List<String> failed = new ArrayList<>();
        try (Connection db = database();
                ResultSet rows =
                        db.createStatement().executeQuery("SELECT upn, step, status, detail FROM offboarding_audit")) {
            while (rows.next()) {
                if (!people.contains(rows.getString("upn"))) {
                    continue;
                }
                if ("DONE".equals(rows.getString("status"))) {
                    done.merge(rows.getString("upn") + " " + rows.getString("step"), 1, Integer::sum);
                } else {
                    failed.add(rows.getString("upn") + " " + rows.getString("step") + ": " + rows.getString("detail"));
                }
            }
        }
        return new Journal(done, failed);
    }

    record Journal(Map<String, Integer> doneRows, List<String> failed) {}

    /**
     * What the tenant says about each leaver, through the simulator and its Admin API (not the application): the
     * problems found, empty when every leaver is fully offboarded.
     */
    List<String> notOffboarded(List<Leaver> leavers) {
        List<String> problems = new ArrayList<>();
        Map<String, List<String>> groups = tenant.groupsByMember();
        for (Leaver leaver : leavers) {
            String upn = leaver.userPrincipalName();
            Map<String, Object> mailbox = tenant.mailbox(upn);
            if (!"SharedMailbox".equals(mailbox.get("RecipientTypeDetails"))) {
                problems.add(upn + " is " + mailbox.get("RecipientTypeDetails"));
            }
            if (!Boolean.TRUE.equals(mailbox.get("HiddenFromAddressListsEnabled"))) {
                problems.add(upn + " is not hidden");
            }
            if (groups.containsKey(String.valueOf(mailbox.get("PrimarySmtpAddress")))) {
                problems.add(upn + " is still in groups");
            }
            if (!tenant.mobileDevices(upn).isEmpty()) {
                problems.add(upn + " still has mobile devices");
            }
            if (!tenant.accessRights(upn, leaver.manager()).contains("FullAccess")) {
                problems.add(leaver.manager() + " has no FullAccess to " + upn);
            }
            JsonNode autoReply = tenant.autoReply(upn);
            if (!"Enabled".equals(autoReply.path("AutoReplyState").asText())) {
                problems.add(upn + " auto-reply is "
                        + autoReply.path("AutoReplyState").asText());
            }
        }
        return problems;
    }

    Connection database() throws SQLException {
        return DriverManager.getConnection(jdbcUrl, "sa", "");
    }

    @Override
    public void close() throws Exception {
        try {
            applications.close();
        } finally {
            database.destroy();
            database.waitFor(30, TimeUnit.SECONDS);
            broker.close();
            simulator.stop();
        }
    }
}
