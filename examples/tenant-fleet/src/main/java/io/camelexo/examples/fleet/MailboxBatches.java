package io.camelexo.examples.fleet;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.component.kafka.KafkaConstants;
import org.apache.camel.support.DefaultMessage;

/**
 * Turns a tenant's streamed mailboxes into batches of Kafka records for camel-kafka, which sends a body of messages
 * as one record each and acknowledges the batch once the broker has them all. Each record's key is
 * {@code <tenant>/<ExchangeGuid>}, so a compacted topic keeps one value per mailbox however often it is inventoried;
 * its value is the mailbox as JSON. Only one batch is held at a time.
 */
final class MailboxBatches {

    private static final ObjectMapper JSON = new ObjectMapper();

    private MailboxBatches() {}

    /**
     * @param counted incremented for every mailbox handed out, for the tenant-done record
     * @throws IllegalStateException (when iterated) for a record without an ExchangeGuid: it could not be keyed
     */
    static Iterator<List<Message>> of(
            Exchange exchange,
            Iterator<Map<String, Object>> mailboxes,
            String tenant,
            int batchSize,
            AtomicInteger counted) {
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return mailboxes.hasNext();
            }

            @Override
            public List<Message> next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                List<Message> batch = new ArrayList<>(batchSize);
                while (batch.size() < batchSize && mailboxes.hasNext()) {
                    batch.add(record(exchange, tenant, mailboxes.next()));
                    counted.incrementAndGet();
                }
                return batch;
            }
        };
    }

    private static Message record(Exchange exchange, String tenant, Map<String, Object> mailbox) {
        Object exchangeGuid = mailbox.get("ExchangeGuid");
        if (exchangeGuid == null || exchangeGuid.toString().isBlank()) {
            throw new IllegalStateException(
                    "A mailbox of " + tenant + " has no ExchangeGuid (Identity " + mailbox.get("Identity") + ")");
        }
        Message record = new DefaultMessage(exchange);
        record.setHeader(KafkaConstants.KEY, tenant + "/" + exchangeGuid);
        try {
            record.setBody(JSON.writeValueAsString(mailbox));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A mailbox of " + tenant + " cannot be written as JSON", e);
        }
        return record;
    }
}
