package io.camelexo.examples.warehouse;

import java.util.Map;
import java.util.concurrent.ExecutorService;
import org.apache.camel.Exchange;
import org.apache.camel.builder.AggregationStrategies;
import org.apache.camel.builder.RouteBuilder;
import org.springframework.stereotype.Component;

/**
 * The ETL as routes: every mailbox is streamed page by page (the next page is on its way while a batch is loaded),
 * gathered into batches that are upserted at once, and each batch's statistics are fetched by as many threads as the
 * session lets requests through at once before the next batch is read. The session's request governor
 * ({@code maxConcurrentRequests}) is what bounds the calls in flight, the listing's included.
 */
@Component
public class EtlRoutes extends RouteBuilder {

    static final String MAILBOX_GUID = "MailboxGuid";

    private final WarehouseProperties properties;

    public EtlRoutes(WarehouseProperties properties) {
        this.properties = properties;
    }

    @Override
    public void configure() {
        ExecutorService statisticsPool = getContext()
                .getExecutorServiceManager()
                .newFixedThreadPool(this, "mailbox-statistics", properties.getStatisticsParallelism());

        from("direct:mailbox-etl")
                .routeId("mailbox-etl")
                .to("exo:Get-EXOMailbox?ResultSize=Unlimited&outputType=Stream&prefetchPages=1&pageSize="
                        + properties.getPageSize()
                        + "&PropertySets=Minimum&Properties=ExchangeGuid,HiddenFromAddressListsEnabled,ForwardingSmtpAddress,"
                        + "ProhibitSendQuota,WhenMailboxCreated")
                .split(method(Batches.class, "of(${body}, " + properties.getBatchSize() + ")"))
                .streaming()
                .stopOnException()
                .to("direct:mailbox-batch")
                .end();

        from("direct:mailbox-batch")
                .routeId("mailbox-batch")
                .bean(MailboxEtl.class, "loadMailboxes")
                .split(body(), AggregationStrategies.groupedBody())
                .parallelProcessing()
                .executorService(statisticsPool)
                .setHeader(MAILBOX_GUID, simple("${body[ExchangeGuid]}"))
                .setBody(header(MAILBOX_GUID))
                .doTry()
                .to("exo:Get-EXOMailboxStatistics?outputType=Single&inBody=Identity")
                .process(EtlRoutes::keyStatistics)
                .doCatch(Exception.class)
                .bean(MailboxEtl.class, "recordStatisticsFailure")
                .setBody(constant(null))
                .end()
                .end()
                .bean(MailboxEtl.class, "loadStatistics");
    }

    /** The statistics record, keyed by the mailbox it was asked for; none at all is a failure of that mailbox. */
    @SuppressWarnings("unchecked")
    private static void keyStatistics(Exchange exchange) {
        Map<String, Object> statistics = exchange.getIn().getBody(Map.class);
        if (statistics == null) {
            throw new IllegalStateException("Get-EXOMailboxStatistics answered no record for this mailbox");
        }
        statistics.put("ExchangeGuid", exchange.getIn().getHeader(MAILBOX_GUID));
    }
}
