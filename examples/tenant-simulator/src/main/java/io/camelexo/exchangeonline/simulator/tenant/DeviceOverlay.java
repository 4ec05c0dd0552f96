package io.camelexo.exchangeonline.simulator.tenant;

import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Mobile devices: the generated ones of {@link DeviceRecords}, addressed by (mailbox index, slot) or by device key
 * (mailbox × slots + slot), less those Remove-MobileDevice removed.
 */
public final class DeviceOverlay {

    private final Tenant tenant;
    private final Set<Long> removed = ConcurrentHashMap.newKeySet();

    DeviceOverlay(Tenant tenant) {
        this.tenant = tenant;
    }

    public static int slotsPerMailbox() {
        return DeviceRecords.SLOTS_PER_MAILBOX;
    }

    /** The device in that slot of the mailbox, or null if it has none there (or it was removed). */
    public Map<String, Object> get(int mailbox, int slot) {
        MailboxOverlay mailboxes = tenant.mailboxes();
        // converting a user mailbox to shared keeps its paired devices, as Exchange does
        if (slot >= DeviceRecords.count(tenant, mailboxes.provisioned(mailbox))
                || removed.contains(DeviceRecords.key(mailbox, slot))) {
            return null;
        }
        return DeviceRecords.record(tenant, mailboxes.get(mailbox), slot);
    }

    public Map<String, Object> statistics(int mailbox, int slot) {
        return get(mailbox, slot) == null
                ? null
                : DeviceRecords.statistics(tenant, tenant.mailboxes().get(mailbox), slot);
    }

    /** The device key of an existing device, or -1: by GUID or by its Identity. */
    public long find(String identity) {
        String wanted = identity.strip();
        long byGuid = Seeds.indexOf(tenant.seed(), DeviceRecords.GUID_KIND, wanted);
        if (byGuid >= 0
                && byGuid / DeviceRecords.SLOTS_PER_MAILBOX < tenant.mailboxes().count()) {
            int mailbox = (int) (byGuid / DeviceRecords.SLOTS_PER_MAILBOX);
            int slot = (int) (byGuid % DeviceRecords.SLOTS_PER_MAILBOX);
            Map<String, Object> device = get(mailbox, slot);
            if (device != null && device.get("Guid").toString().equalsIgnoreCase(wanted)) {
                return byGuid;
            }
        }
        int separator = wanted.indexOf('\\');
        if (separator > 0) {
            int mailbox = tenant.mailboxes().find(wanted.substring(0, separator));
            for (int slot = 0; mailbox >= 0 && slot < DeviceRecords.SLOTS_PER_MAILBOX; slot++) {
                Map<String, Object> device = get(mailbox, slot);
                if (device != null
                        && (device.get("Identity").toString().equalsIgnoreCase(wanted)
                                || wanted.toLowerCase(Locale.ROOT)
                                        .endsWith("\\"
                                                + device.get("Name").toString().toLowerCase(Locale.ROOT)))) {
                    return DeviceRecords.key(mailbox, slot);
                }
            }
        }
        return -1;
    }

    /** Remove-MobileDevice. */
    public void remove(long key) {
        removed.add(key);
    }
}
