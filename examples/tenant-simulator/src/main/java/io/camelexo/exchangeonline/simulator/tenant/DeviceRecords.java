package io.camelexo.exchangeonline.simulator.tenant;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

/** Mobile devices: user mailboxes have 0..2, addressed as (mailbox index, slot). */
final class DeviceRecords {

    static final int SLOTS_PER_MAILBOX = 2;
    static final String GUID_KIND = "mobile-device";

    private DeviceRecords() {}

    static int count(Tenant tenant, Mailbox m) {
        if (m.kind() != MailboxKind.USER) {
            return 0;
        }
        int roll = Seeds.random(tenant.seed(), "devices", m.index()).nextInt(10);
        return roll < 4 ? 0 : roll < 8 ? 1 : 2;
    }

    /** Device key: unique per tenant, also the index hidden in the device's GUID. */
    static long key(int mailbox, int slot) {
        return (long) mailbox * SLOTS_PER_MAILBOX + slot;
    }

    static Map<String, Object> record(Tenant tenant, Mailbox m, int slot) {
        long key = key(m.index(), slot);
        SplittableRandom rnd = Seeds.random(tenant.seed(), "device", key);
        String type = Names.pick(Names.DEVICES, rnd);
        String deviceId = Long.toHexString(rnd.nextLong()).toUpperCase(Locale.ROOT)
                + Integer.toHexString(rnd.nextInt(4096)).toUpperCase(Locale.ROOT);
        boolean apple = type.startsWith("iP");
        String os = apple
                ? "iOS 18." + rnd.nextInt(6) + " 22F76"
                : type.equals("Outlook") ? "Outlook for iOS and Android 1.0" : "Android 15.0.0";
        String model = apple
                ? (type.equals("iPad") ? "iPad13,18" : "iPhone16," + (1 + rnd.nextInt(2)))
                : "SM-S92" + rnd.nextInt(9) + "B";
        OffsetDateTime firstSync = m.whenCreated().plusDays(1 + rnd.nextInt(600));
        OffsetDateTime lastChange = firstSync.plusDays(rnd.nextInt(200));
        String name = type + "\u00a7" + deviceId;
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("FriendlyName", apple ? m.displayName() + "'s " + type : "");
        r.put("DeviceId", deviceId);
        r.put("DeviceImei", "");
        r.put("DeviceMobileOperator", "");
        r.put("DeviceOS", os);
        r.put("DeviceOSLanguage", "en-US");
        r.put("DeviceTelephoneNumber", "");
        r.put("DeviceType", type);
        r.put("DeviceUserAgent", apple ? "Apple-" + model + "/2205.76" : "Android-SAMSUNG-" + model + "/101.10000");
        r.put("DeviceModel", model);
        r.put("FirstSyncTime", firstSync);
        r.put("UserDisplayName", m.alias());
        r.put("DeviceAccessState", "Allowed");
        r.put("DeviceAccessStateReason", "Global");
        r.put("DeviceAccessControlRule", null);
        r.put("ClientVersion", "16.1");
        r.put("ClientType", type.equals("Outlook") ? "Outlook" : "EAS");
        r.put("IsManaged", rnd.nextBoolean());
        r.put("IsCompliant", true);
        r.put("IsDisabled", false);
        r.put("AdminDisplayName", "");
        r.put("ExchangeVersion", "0.10 (14.0.100.0)");
        r.put("Name", name);
        r.put(
                "DistinguishedName",
                "CN=" + name + ",CN=ExchangeActiveSyncDevices," + MailboxRecords.distinguishedName(tenant, m.alias()));
        r.put("Identity", m.alias() + "\\ExchangeActiveSyncDevices\\" + name);
        r.put("Guid", Seeds.guid(tenant.seed(), GUID_KIND, key));
        r.put("ObjectCategory", tenant.forest() + "/Configuration/Schema/ms-Exch-Active-Sync-Device");
        r.put("ObjectClass", List.of("top", "msExchActiveSyncDevice"));
        r.put("WhenChanged", lastChange);
        r.put("WhenCreated", firstSync);
        r.put("WhenChangedUTC", lastChange.toInstant());
        r.put("WhenCreatedUTC", firstSync.toInstant());
        r.put("OrganizationId", tenant.organizationId());
        r.put("Id", m.alias() + "\\ExchangeActiveSyncDevices\\" + name);
        r.put("IsValid", true);
        r.put("ObjectState", "Unchanged");
        return r;
    }

    /** Get-MobileDeviceStatistics adds sync state to the device (the Get-EXOMobileDeviceStatistics route). */
    static Map<String, Object> statistics(Tenant tenant, Mailbox m, int slot) {
        Map<String, Object> device = record(tenant, m, slot);
        SplittableRandom rnd = Seeds.random(tenant.seed(), "device-statistics", key(m.index(), slot));
        OffsetDateTime lastSync =
                OffsetDateTime.of(2025, 10, 1, 0, 0, 0, 0, ZoneOffset.UTC).minusMinutes(rnd.nextInt(100_000));
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("FirstSyncTime", device.get("FirstSyncTime"));
        r.put("LastPolicyUpdateTime", lastSync.minusHours(rnd.nextInt(48)));
        r.put("LastSyncAttemptTime", lastSync);
        r.put("LastSuccessSync", lastSync);
        r.put("DeviceType", device.get("DeviceType"));
        r.put("DeviceID", device.get("DeviceId"));
        r.put("DeviceUserAgent", device.get("DeviceUserAgent"));
        r.put("DeviceWipeSentTime", null);
        r.put("DeviceWipeRequestTime", null);
        r.put("DeviceWipeAckTime", null);
        r.put("LastPingHeartbeat", 470 + rnd.nextInt(1000));
        r.put("RecoveryPassword", "********");
        r.put("DeviceModel", device.get("DeviceModel"));
        r.put("DeviceImei", "");
        r.put("DeviceFriendlyName", device.get("FriendlyName"));
        r.put("DeviceOS", device.get("DeviceOS"));
        r.put("DeviceOSLanguage", "en-US");
        r.put("DevicePhoneNumber", "");
        r.put("MailboxLogReport", null);
        r.put("DeviceEnableOutboundSMS", false);
        r.put("DeviceMobileOperator", "");
        r.put("Identity", device.get("Identity"));
        r.put("Guid", device.get("Guid"));
        r.put("IsRemoteWipeSupported", true);
        r.put("Status", "DeviceOk");
        r.put("StatusNote", "");
        r.put("DeviceAccessState", "Allowed");
        r.put("DeviceAccessStateReason", "Global");
        r.put("DevicePolicyApplied", "Default");
        r.put("DevicePolicyApplicationStatus", "AppliedInFull");
        r.put("ClientVersion", "16.1");
        r.put("NumberOfFoldersSynced", 3 + rnd.nextInt(40));
        r.put("ClientType", device.get("ClientType"));
        r.put("IsValid", true);
        r.put("ObjectState", "Unchanged");
        return r;
    }
}
