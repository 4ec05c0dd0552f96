package io.camelexo.examples.tenantcheck;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The reversible writes, only with {@code --test-mailbox}: a custom attribute and the automatic reply of that one
 * mailbox are changed, read back, and put back as they were at the end of the check, after the last probe, also when
 * a later probe failed. Each restore is read back too, and the report says what was changed and whether it was
 * restored.
 */
final class TestMailboxWrites {

    /** The attribute the check writes: the last one, the least likely to be in use. */
    static final String ATTRIBUTE = "CustomAttribute15";

    static final String AUTO_REPLY_MESSAGE =
            "Automatic reply test by the camel-exchangeonline tenant check; it is " + "switched back within seconds.";

    private static final String WRITES = "The InvokeCommand call";

    /** A change to undo: how to put the original back and how to read the value. */
    private record Pending(String change, String original, String testValue, Runnable putBack, Supplier<String> read) {}

    private final String mailbox;
    private final Deque<Pending> pending = new ArrayDeque<>();

    /** @param mailbox the test mailbox; null = a read-only check */
    TestMailboxWrites(String mailbox) {
        this.mailbox = mailbox;
    }

    List<Probe> probes() {
        // docs/admin-api.md, "The InvokeCommand call": a write is the same POST, typed parameters encoded as
        // documented, answered with an empty value array
        return List.of(
                new Probe(
                        "Set-Mailbox -" + ATTRIBUTE + ", set and restored",
                        false,
                        WRITES,
                        "a write cmdlet through InvokeCommand: the change is made and read back",
                        this::customAttribute),
                new Probe(
                        "Set-MailboxAutoReplyConfiguration, switched and restored",
                        false,
                        WRITES,
                        "a write cmdlet through InvokeCommand with an enumeration value: the change is made and read back",
                        this::autoReply));
    }

    private String customAttribute(ProbeContext context) {
        String target = requireMailbox();
        Supplier<String> read = () -> text(
                context.exo("Get-Mailbox", Map.of("Identity", target)).get(0).get(ATTRIBUTE));
        String testValue = "tenant-check " + Instant.now().truncatedTo(ChronoUnit.SECONDS);
        return change(
                "Set-Mailbox -" + ATTRIBUTE,
                read.get(),
                testValue,
                value -> context.exo("Set-Mailbox", Map.of("Identity", target, ATTRIBUTE, value)),
                read);
    }

    /** Off becomes on (with a message saying why), anything else becomes off; the original state and message return. */
    private String autoReply(ProbeContext context) {
        String target = requireMailbox();
        Supplier<Map<String, Object>> configuration =
                () -> context.exo("Get-MailboxAutoReplyConfiguration", Map.of("Identity", target))
                        .get(0);
        Map<String, Object> before = configuration.get();
        String originalState = text(before.get("AutoReplyState"));
        String originalMessage = text(before.get("InternalMessage"));
        String testState = "Disabled".equalsIgnoreCase(originalState) ? "Enabled" : "Disabled";
        return change(
                "Set-MailboxAutoReplyConfiguration -AutoReplyState",
                originalState,
                testState,
                state -> {
                    Map<String, Object> parameters = new LinkedHashMap<>();
                    parameters.put("Identity", target);
                    parameters.put("AutoReplyState", state);
                    if (!"Disabled".equals(testState)) {
                        parameters.put(
                                "InternalMessage", state.equals(testState) ? AUTO_REPLY_MESSAGE : originalMessage);
                    }
                    context.exo("Set-MailboxAutoReplyConfiguration", parameters);
                },
                () -> text(configuration.get().get("AutoReplyState")));
    }

    /** Remembers how to undo the change before making it, makes it, and reads it back. */
    private String change(String what, String original, String testValue, Consumer<String> set, Supplier<String> read) {
        pending.push(new Pending(what, original, testValue, () -> set.accept(original), read));
        set.accept(testValue);
        String readBack = read.get();
        if (!testValue.equals(readBack)) {
            throw new Probe.NotConfirmed("set '" + testValue + "', read back '" + readBack + "'");
        }
        return "'" + original + "' changed to '" + testValue + "' and read back; restored at the end of the check";
    }

    /** Puts every change back, the last first; each restore is read back. */
    List<WriteRecord> restoreAll(Function<RuntimeException, String> describe) {
        List<WriteRecord> records = new ArrayList<>();
        while (!pending.isEmpty()) {
            Pending change = pending.pop();
            boolean restored = false;
            String note = null;
            try {
                change.putBack().run();
                String readBack = change.read().get();
                restored = change.original().equals(readBack);
                if (!restored) {
                    note = "read back '" + readBack + "' after the restore";
                }
            } catch (RuntimeException e) {
                note = describe.apply(e);
            }
            records.add(
                    0,
                    new WriteRecord(mailbox, change.change(), change.original(), change.testValue(), restored, note));
        }
        return records;
    }

    private String requireMailbox() {
        if (mailbox == null) {
            throw new Probe.Skipped("read-only run: --test-mailbox=<address> allows this reversible write");
        }
        return mailbox;
    }

    /** A property's value as text; a cleared one ($null) and an empty one are the same here. */
    private static String text(Object value) {
        return Objects.toString(value, "");
    }
}
