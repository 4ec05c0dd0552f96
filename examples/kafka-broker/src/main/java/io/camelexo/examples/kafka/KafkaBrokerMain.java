package io.camelexo.examples.kafka;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code java -jar kafka-broker.jar [--port 9092] [--controller-port 9093] [--dir target/kafka-broker]}: a single-node
 * Kafka in KRaft mode (one process is broker and controller) on 127.0.0.1, for running the examples' instances against
 * a real broker. It is Apache Kafka's own server ({@code kafka.Kafka}); on first start it writes
 * {@code server.properties} and formats the storage as {@code kafka-storage.sh format} does, later starts reuse both,
 * so topics and committed offsets survive a restart. Internal topics have one replica, as one broker requires.
 * Ctrl+C stops it.
 */
public final class KafkaBrokerMain {

    static final String USAGE = """
            Usage: java -jar kafka-broker.jar [options]
              --port N             the broker's port on 127.0.0.1 (default 9092)
              --controller-port N  the KRaft controller's port on 127.0.0.1 (default 9093)
              --dir PATH           configuration and data; formatted on first start (default target/kafka-broker)
              --help               this text
            """;

    private KafkaBrokerMain() {}

    public static void main(String[] args) throws IOException {
        Settings settings;
        try {
            settings = Settings.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.print(USAGE);
            System.exit(2);
            return;
        }
        if (settings == null) {
            System.out.print(USAGE);
            return;
        }
        Path properties = prepare(settings, System.out);
        System.out.println("Kafka broker starting: bootstrap servers 127.0.0.1:" + settings.port + " (KRaft, one node; "
                + "data in " + settings.dir.toAbsolutePath() + "). Ctrl+C stops it.");
        kafka.Kafka.main(new String[] {properties.toString()});
    }

    /** Writes server.properties and formats the storage unless a former start did; returns the properties file. */
    static Path prepare(Settings settings, PrintStream out) throws IOException {
        Files.createDirectories(settings.dir);
        Path properties = settings.dir.resolve("server.properties");
        Path data = settings.dir.resolve("data");
        Files.writeString(properties, serverProperties(settings.port, settings.controllerPort, data));
        if (!Files.exists(data.resolve("meta.properties"))) {
            String clusterId = org.apache.kafka.common.Uuid.randomUuid().toString();
            int exit = kafka.tools.StorageTool.execute(
                    new String[] {"format", "--cluster-id", clusterId, "--config", properties.toString()}, out);
            if (exit != 0) {
                throw new IllegalStateException("Formatting the storage in " + data + " failed (exit " + exit + ")");
            }
        }
        return properties;
    }

    static String serverProperties(int port, int controllerPort, Path data) {
        return String.join(
                "\n",
                List.of(
                        "process.roles=broker,controller",
                        "node.id=1",
                        "controller.quorum.voters=1@127.0.0.1:" + controllerPort,
                        "listeners=PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort,
                        "advertised.listeners=PLAINTEXT://127.0.0.1:" + port,
                        "controller.listener.names=CONTROLLER",
                        "inter.broker.listener.name=PLAINTEXT",
                        "listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT",
                        "log.dirs=" + data.toAbsolutePath(),
                        // one broker: every internal topic with one replica
                        "offsets.topic.replication.factor=1",
                        "transaction.state.log.replication.factor=1",
                        "transaction.state.log.min.isr=1",
                        "share.coordinator.state.topic.replication.factor=1",
                        "share.coordinator.state.topic.min.isr=1",
                        // a consumer group of one starts at once instead of waiting for more members
                        "group.initial.rebalance.delay.ms=0",
                        "# written by KafkaBrokerMain at every start",
                        ""));
    }

    /** The command line. */
    static final class Settings {
        int port = 9092;
        int controllerPort = 9093;
        Path dir = Path.of("target", "kafka-broker");

        /** The settings, or null when --help asked for the usage. */
        static Settings parse(String[] args) {
            Settings settings = new Settings();
            for (int i = 0; i < args.length; i++) {
                String option = args[i];
                if (option.equals("--help") || option.equals("-h")) {
                    return null;
                }
                if (i + 1 >= args.length) {
                    throw new IllegalArgumentException("Option " + option + " needs a value");
                }
                String value = args[++i];
                switch (option) {
                    case "--port" -> settings.port = port(option, value);
                    case "--controller-port" -> settings.controllerPort = port(option, value);
                    case "--dir" -> settings.dir = Path.of(value);
                    default -> throw new IllegalArgumentException("Unknown option " + option);
                }
            }
            if (settings.port == settings.controllerPort) {
                throw new IllegalArgumentException(
                        "--port and --controller-port must differ, both are " + settings.port);
            }
            return settings;
        }

        private static int port(String option, String value) {
            try {
                int port = Integer.parseInt(value);
                if (port >= 1 && port <= 65_535) {
                    return port;
                }
            } catch (NumberFormatException e) {
                // reported below
            }
            throw new IllegalArgumentException(
                    "Option " + option + " needs a port from 1 to 65535, got '" + value + "'");
        }
    }
}
