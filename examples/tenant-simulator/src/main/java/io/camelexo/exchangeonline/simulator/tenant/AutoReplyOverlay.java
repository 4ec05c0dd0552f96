package io.camelexo.exchangeonline.simulator.tenant;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Automatic replies: each mailbox's generated configuration ({@link MailboxRecords#autoReply}) plus what Set-MailboxAutoReplyConfiguration set. */
public final class AutoReplyOverlay {

    private final Tenant tenant;
    private final Map<Integer, Map<String, Object>> changes = new ConcurrentHashMap<>();

    AutoReplyOverlay(Tenant tenant) {
        this.tenant = tenant;
    }

    public Map<String, Object> of(int mailbox) {
        Map<String, Object> record = MailboxRecords.autoReply(tenant.mailboxes().get(mailbox));
        record.putAll(changes.getOrDefault(mailbox, Map.of()));
        return record;
    }

    public synchronized void change(int mailbox, Map<String, Object> properties) {
        changes.computeIfAbsent(mailbox, i -> new ConcurrentHashMap<>()).putAll(withoutNulls(properties));
    }

    private static Map<String, Object> withoutNulls(Map<String, Object> properties) {
        Map<String, Object> copy = new LinkedHashMap<>();
        properties.forEach((name, value) -> {
            if (value != null) {
                copy.put(name, value);
            }
        });
        return copy;
    }
}
