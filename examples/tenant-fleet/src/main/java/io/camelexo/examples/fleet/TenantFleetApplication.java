package io.camelexo.examples.fleet;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.component.kafka.KafkaConstants;
import org.apache.camel.main.BaseMainSupport;
import org.apache.camel.main.Main;
import org.apache.camel.main.MainListenerSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code java -jar tenant-fleet.jar}: a worker of the fleet; start as many as the work topic has partitions, on any
 * hosts that reach Kafka and Exchange Online. {@code java -jar tenant-fleet.jar schedule}: starts a cycle, one work
 * item per configured tenant (from cron, a Kubernetes CronJob or by hand), and exits. Settings: application.properties
 * (fleet.*, camel.component.exo.*), overridden by -D system properties or the environment.
 */
public final class TenantFleetApplication {

    private static final Logger LOG = LoggerFactory.getLogger(TenantFleetApplication.class);
    /** How long a worker waits for Kafka at start before it gives up; the scheduler waits less. */
    private static final Duration WORKER_PATIENCE = Duration.ofDays(1);

    private static final Duration SCHEDULER_PATIENCE = Duration.ofSeconds(60);

    private TenantFleetApplication() {}

    public static void main(String[] args) throws Exception {
        boolean schedule = List.of(args).contains("schedule");
        int exitCode = 1;
        try {
            exitCode = newMain(schedule).run(new String[0]);
        } catch (Exception e) {
            LOG.error("tenant-fleet stopped: {}", e.getMessage(), e);
        } finally {
            System.exit(exitCode);
        }
    }

    static Main newMain(boolean schedule) {
        Main main = new Main();
        main.addMainListener(new MainListenerSupport() {
            private FleetSettings settings;

            @Override
            public void beforeConfigure(BaseMainSupport base) {
                CamelContext camel = base.getCamelContext();
                boolean simulated = SimulatorConnection.apply(camel);
                settings = FleetSettings.read(camel.getPropertiesComponent());
                camel.getPropertiesComponent()
                        .addOverrideProperty("camel.component.kafka.brokers", settings.bootstrapServers());
                try {
                    FleetTopics.ensure(settings, schedule ? SCHEDULER_PATIENCE : WORKER_PATIENCE);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("Interrupted while waiting for Kafka", e);
                }
                if (!schedule) {
                    String instance = instanceName();
                    main.configure().addRoutesBuilder(new InventoryRoutes(settings, instance));
                    LOG.info(
                            "Worker {} of group {} on {} ({} partitions){}",
                            instance,
                            settings.groupId(),
                            settings.workTopic(),
                            settings.workPartitions(),
                            simulated ? ", against the tenant simulator" : "");
                }
            }

            @Override
            public void afterStart(BaseMainSupport base) {
                if (schedule) {
                    scheduleCycle(base.getCamelContext(), settings);
                    main.completed();
                }
            }
        });
        return main;
    }

    /** One work item per tenant, keyed by tenant; returns once the broker has acknowledged them all. */
    static String scheduleCycle(CamelContext camel, FleetSettings settings) {
        if (settings.tenants().isEmpty()) {
            throw new IllegalArgumentException("No tenants: set fleet.tenants or fleet.tenants-file");
        }
        String cycle = Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
        ProducerTemplate kafka = camel.createProducerTemplate();
        for (String tenant : settings.tenants()) {
            kafka.sendBodyAndHeader(
                    "kafka:" + settings.workTopic(), new WorkItem(tenant, cycle).json(), KafkaConstants.KEY, tenant);
        }
        LOG.info(
                "Cycle {} scheduled: {} tenants on {}",
                cycle,
                settings.tenants().size(),
                settings.workTopic());
        return cycle;
    }

    /** host/pid, as the tenant-done records name the instance that did a tenant. */
    private static String instanceName() {
        return ManagementFactory.getRuntimeMXBean().getName().replaceFirst("^(\\d+)@(.*)$", "$2/$1");
    }
}
