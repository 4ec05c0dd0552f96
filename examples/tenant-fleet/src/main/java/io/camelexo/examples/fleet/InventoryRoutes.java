package io.camelexo.examples.fleet;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.camelexo.exchangeonline.error.ExoException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Iterator;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.camel.Exchange;
import org.apache.camel.LoggingLevel;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.kafka.KafkaConstants;
import org.apache.camel.component.kafka.consumer.KafkaManualCommit;
import org.apache.camel.util.ObjectHelper;
import org.apache.kafka.clients.consumer.CommitFailedException;
import org.apache.kafka.clients.consumer.CooperativeStickyAssignor;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.RebalanceInProgressException;

/**
 * The worker: instances in one consumer group share the work topic's partitions, so each tenant's item goes to one
 * instance, which streams the tenant's mailboxes (the partner's app with delegatedOrganization) to the inventory topic,
 * then writes the tenant-done record, and only then commits the item's offset. An instance killed before the commit
 * leaves the item to the instance that gets its partition next, which inventories the tenant again: the inventory is
 * keyed by tenant and ExchangeGuid, so the redo replaces values instead of adding mailboxes.
 */
final class InventoryRoutes extends RouteBuilder {

    static final String LOG = "io.camelexo.examples.fleet";
    private static final String ITEM = "fleetWorkItem";
    private static final String TENANT = "fleetTenant";
    private static final String EXO_URI = "fleetExoUri";
    private static final String COUNTED = "fleetMailboxes";
    private static final int TRANSIENT_RETRIES = 3;

    private static final ObjectMapper JSON = new ObjectMapper();

    private final FleetSettings settings;
    private final String instance;
    /**
     * Items whose tenant is done (mailboxes and done record stored) but whose commit failed, typically because the
     * group was rebalancing: when such an item comes again to this worker, it is committed without being redone.
     */
    private final Set<WorkItem> finishedNotCommitted = ConcurrentHashMap.newKeySet();

    InventoryRoutes(FleetSettings settings, String instance) {
        this.settings = settings;
        this.instance = instance;
    }

    @Override
    public void configure() {
        // A commit refused while the group rebalances (another worker joined or died): the item is read again and,
        // finished already, only committed (see readItem)
        onException(RebalanceInProgressException.class, CommitFailedException.class)
                .handled(false)
                .logExhausted(false)
                .log(
                        LoggingLevel.WARN,
                        LOG,
                        "Inventory of ${exchangeProperty." + TENANT + "} is done but its commit was refused during a "
                                + "rebalance (${exception.message}); it is committed when the item is read again");
        // Kafka itself failing (broker gone while publishing): not handled, so nothing is committed and camel-kafka
        // (breakOnFirstError) reads the item again
        onException(KafkaException.class).handled(false).logExhausted(true);
        onException(InvalidWorkItemException.class)
                .handled(true)
                .logExhausted(false)
                .setHeader("fleet.reason", simple("${exception.message}"))
                .log(
                        LoggingLevel.WARN,
                        LOG,
                        "Work item at offset ${header[kafka.OFFSET]} of partition "
                                + "${header[kafka.PARTITION]} is not one (${exception.message}): sent to "
                                + settings.deadLetterTopic())
                .to(produce(settings.deadLetterTopic()))
                .process(InventoryRoutes::commit);
        // a tenant that cannot be read (consent revoked, no role, still throttled after the retries) is reported, not
        // retried forever: the partition moves on to the other tenants
        onException(ExoException.class)
                .onWhen(exchange -> {
                    ExoException failure = ObjectHelper.getException(
                            ExoException.class, exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class));
                    return failure != null && failure.isTransient();
                })
                .maximumRedeliveries(TRANSIENT_RETRIES)
                .redeliveryDelay(2000)
                .useExponentialBackOff()
                .retryAttemptedLogLevel(LoggingLevel.WARN)
                .logRetryAttempted(true)
                .handled(true)
                .logExhausted(false)
                .process(this::tenantFailed)
                .to(produce(settings.doneTopic()))
                .process(InventoryRoutes::commit);
        onException(Exception.class)
                .handled(true)
                .logExhausted(false)
                .process(this::tenantFailed)
                .to(produce(settings.doneTopic()))
                .process(InventoryRoutes::commit);

        from("kafka:" + settings.workTopic() + "?groupId=" + settings.groupId()
                        + "&autoOffsetReset=earliest&autoCommitEnable=false&allowManualCommit=true"
                        + "&breakOnFirstError=true&maxPollRecords=1"
                        // incremental rebalancing: when an instance joins or dies, the others keep their partitions
                        // and their tenant in progress; only the moved partitions change hands
                        + "&partitionAssignor=" + CooperativeStickyAssignor.class.getName()
                        + "&sessionTimeoutMs=" + settings.sessionTimeout().toMillis()
                        + "&heartbeatIntervalMs=" + settings.sessionTimeout().toMillis() / 3)
                .routeId("inventory-tenant")
                .process(this::readItem)
                .filter(exchange -> !finishedNotCommitted.contains(exchange.getProperty(ITEM, WorkItem.class)))
                .log(LoggingLevel.INFO, LOG, "Inventory of ${exchangeProperty." + TENANT + "} started")
                .toD("${exchangeProperty." + EXO_URI + "}")
                .split()
                .exchange(this::batches)
                .streaming()
                .stopOnException()
                .to(produce(settings.mailboxTopic()))
                .end()
                .process(this::tenantDone)
                .to(produce(settings.doneTopic()))
                .process(exchange -> finishedNotCommitted.add(exchange.getProperty(ITEM, WorkItem.class)))
                .log(
                        LoggingLevel.INFO,
                        LOG,
                        "Inventory of ${exchangeProperty." + TENANT + "} done: " + "${exchangeProperty." + COUNTED
                                + "} mailboxes")
                .end()
                .process(exchange -> {
                    commit(exchange);
                    finishedNotCommitted.remove(exchange.getProperty(ITEM, WorkItem.class));
                });
    }

    /**
     * Sends and waits for the broker's acknowledgement on the consumer's own thread, so the offset is committed by
     * the thread that owns the consumer, after everything before it is stored.
     */
    private static String produce(String topic) {
        return "kafka:" + topic + "?synchronous=true";
    }

    private void readItem(Exchange exchange) {
        WorkItem item = WorkItem.parse(exchange.getMessage().getBody(String.class));
        exchange.setProperty(ITEM, item);
        exchange.setProperty(TENANT, item.tenant());
        exchange.setProperty(COUNTED, new AtomicInteger());
        exchange.setProperty(EXO_URI, exoUri(item.tenant()));
    }

    /** The partner's session at this customer: one per tenant, kept (with its token) for the next cycle. */
    private String exoUri(String tenant) {
        StringBuilder uri = new StringBuilder("exo:Get-EXOMailbox?delegatedOrganization=")
                .append(encode(tenant))
                .append("&ResultSize=Unlimited&outputType=Stream&Properties=ExchangeGuid&PropertySets=")
                .append(encode(settings.propertySets()));
        if (settings.authorityBase() != null) {
            uri.append("&azureADAuthorizationEndpointUri=")
                    .append(encode(settings.authorityBase().replaceAll("/+$", "") + "/" + tenant));
        }
        return uri.toString();
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    @SuppressWarnings("unchecked")
    private Iterator<?> batches(Exchange exchange) {
        WorkItem item = exchange.getProperty(ITEM, WorkItem.class);
        return MailboxBatches.of(
                exchange,
                exchange.getMessage().getBody(Iterator.class),
                item.tenant(),
                settings.batchSize(),
                exchange.getProperty(COUNTED, AtomicInteger.class));
    }

    private void tenantDone(Exchange exchange) {
        ObjectNode done = doneRecord(exchange, "DONE");
        done.put("mailboxes", exchange.getProperty(COUNTED, AtomicInteger.class).get());
        exchange.getMessage().setBody(done.toString());
    }

    private void tenantFailed(Exchange exchange) {
        Throwable failure = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        ObjectNode failed = doneRecord(exchange, "FAILED");
        failed.put("reason", failure == null ? "unknown" : failure.getMessage());
        exchange.getMessage().setBody(failed.toString());
        log.warn(
                "Inventory of {} failed: {}",
                failed.path("tenant").asText(),
                failed.path("reason").asText());
    }

    private ObjectNode doneRecord(Exchange exchange, String status) {
        WorkItem item = exchange.getProperty(ITEM, WorkItem.class);
        exchange.getMessage().setHeader(KafkaConstants.KEY, item.tenant());
        return JSON.createObjectNode()
                .put("tenant", item.tenant())
                .put("cycle", item.cycle())
                .put("status", status)
                .put("instance", instance)
                .put("finishedAt", Instant.now().toString());
    }

    private static void commit(Exchange exchange) {
        exchange.getIn()
                .getHeader(KafkaConstants.MANUAL_COMMIT, KafkaManualCommit.class)
                .commit();
    }
}
