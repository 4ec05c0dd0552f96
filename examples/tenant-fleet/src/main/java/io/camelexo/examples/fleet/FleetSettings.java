package io.camelexo.examples.fleet;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.apache.camel.spi.PropertiesComponent;
import org.apache.camel.util.TimeUtils;

/**
 * The fleet.* settings (application.properties, -D system properties or the environment), read once at start.
 *
 * @param tenants        the customer tenants, in configuration order and without repeats
 * @param authorityBase  when set, a tenant signs in at {@code authorityBase/<tenant>} (the tenant simulator's Entra
 *                       ID); unset, the component derives the tenant's authority in the cloud it is configured for
 */
public record FleetSettings(
        String bootstrapServers,
        String groupId,
        String workTopic,
        int workPartitions,
        String mailboxTopic,
        int mailboxPartitions,
        String doneTopic,
        String deadLetterTopic,
        Duration sessionTimeout,
        int batchSize,
        List<String> tenants,
        String propertySets,
        String authorityBase) {

    static final String PREFIX = "fleet.";

    static FleetSettings read(PropertiesComponent properties) {
        return new FleetSettings(
                required(properties, "bootstrap-servers"),
                required(properties, "group-id"),
                required(properties, "work-topic"),
                positive(properties, "work-partitions"),
                required(properties, "mailbox-topic"),
                positive(properties, "mailbox-partitions"),
                required(properties, "done-topic"),
                required(properties, "dead-letter-topic"),
                duration(properties, "session-timeout"),
                positive(properties, "batch-size"),
                tenants(properties),
                required(properties, "property-sets"),
                optional(properties, "authority-base").orElse(null));
    }

    private static List<String> tenants(PropertiesComponent properties) {
        Set<String> tenants = new LinkedHashSet<>();
        optional(properties, "tenants").ifPresent(list -> tenants.addAll(split(list)));
        optional(properties, "tenants-file").ifPresent(file -> {
            try {
                Files.readAllLines(Path.of(file)).stream()
                        .map(String::strip)
                        .filter(line -> !line.isEmpty() && !line.startsWith("#"))
                        .forEach(tenants::add);
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read " + PREFIX + "tenants-file " + file, e);
            }
        });
        return List.copyOf(tenants);
    }

    static List<String> split(String commaSeparated) {
        return Arrays.stream(commaSeparated.split(","))
                .map(String::strip)
                .filter(tenant -> !tenant.isEmpty())
                .toList();
    }

    static Optional<String> optional(PropertiesComponent properties, String name) {
        return properties.resolveProperty(PREFIX + name).map(String::strip).filter(value -> !value.isEmpty());
    }

    private static String required(PropertiesComponent properties, String name) {
        return optional(properties, name)
                .orElseThrow(() -> new IllegalArgumentException(PREFIX + name + " is not set"));
    }

    private static Duration duration(PropertiesComponent properties, String name) {
        String value = required(properties, name);
        try {
            return TimeUtils.toDuration(value);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    PREFIX + name + " must be a duration such as 10s or PT10S, got '" + value + "'");
        }
    }

    private static int positive(PropertiesComponent properties, String name) {
        String value = required(properties, name);
        try {
            int number = Integer.parseInt(value);
            if (number > 0) {
                return number;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException(PREFIX + name + " must be a whole number above 0, got '" + value + "'");
    }
}
