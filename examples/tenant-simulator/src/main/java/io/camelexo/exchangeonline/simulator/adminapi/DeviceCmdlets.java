package io.camelexo.exchangeonline.simulator.adminapi;

import io.camelexo.exchangeonline.simulator.tenant.DeviceOverlay;
import io.camelexo.exchangeonline.simulator.tenant.Tenant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Mobile devices, addressed by device key = mailbox index × slots + slot. */
final class DeviceCmdlets {

    private DeviceCmdlets() {}

    static CmdletOutput getMobileDevice(CmdletCall call, CmdletContext context) {
        Tenant tenant = context.tenant();
        int slots = DeviceOverlay.slotsPerMailbox();
        if (call.has("Identity")) {
            long key = device(tenant, call.requiredString("Identity"));
            return CmdletOutput.of(List.of(tenant.devices().get((int) (key / slots), (int) (key % slots))));
        }
        RecordSource devices;
        if (call.has("Mailbox")) {
            int mailbox = Lookups.mailbox(tenant, call.requiredString("Mailbox"));
            List<Map<String, Object>> found = new ArrayList<>();
            for (int slot = 0; slot < slots; slot++) {
                Map<String, Object> device = tenant.devices().get(mailbox, slot);
                if (device != null) {
                    found.add(device);
                }
            }
            devices = RecordSource.of(found);
        } else {
            devices = RecordSource.over(
                    (long) tenant.mailboxes().count() * slots,
                    key -> tenant.devices().get((int) (key / slots), (int) (key % slots)));
        }
        return CmdletOutput.of(devices.filter(Lookups.orAll(Lookups.filter(call))));
    }

    static CmdletOutput removeMobileDevice(CmdletCall call, CmdletContext context) {
        Tenant tenant = context.tenant();
        tenant.devices().remove(device(tenant, call.requiredString("Identity")));
        return CmdletOutput.none();
    }

    private static long device(Tenant tenant, String identity) {
        long key = tenant.devices().find(identity);
        if (key < 0) {
            throw AdminApiError.objectNotFound(identity, tenant.domainController());
        }
        return key;
    }
}
