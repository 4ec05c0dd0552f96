package io.camelexo.exchangeonline.simulator.tenant;

import static org.assertj.core.api.Assertions.assertThat;

import io.camelexo.exchangeonline.simulator.adminapi.RecordJson;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The synthetic tenant: deterministic, regenerable, realistic sizes, and -Identity lookups without stored data. */
class TenantDataTest {

    private final Tenant tenant = new Tenant("contoso.onmicrosoft.com", 42, 5000);

    @Test
    void theSameSeedGivesTheSameTenantAndAnotherSeedAnother() {
        Tenant again = new Tenant("contoso.onmicrosoft.com", 42, 5000);
        Tenant other = new Tenant("contoso.onmicrosoft.com", 43, 5000);
        assertThat(again.tenantId()).isEqualTo(tenant.tenantId());
        assertThat(RecordJson.plain(again.mailboxes().record(1234, false)))
                .isEqualTo(RecordJson.plain(tenant.mailboxes().record(1234, false)));
        assertThat(other.tenantId()).isNotEqualTo(tenant.tenantId());
        assertThat(other.mailboxes().record(1234, false).get("ExchangeGuid"))
                .isNotEqualTo(tenant.mailboxes().record(1234, false).get("ExchangeGuid"));
    }

    @Test
    void mailboxRecordsHaveGetMailboxPropertiesAndTheMinimumSetIsASubset() {
        Map<String, Object> full = tenant.mailboxes().record(7, false);
        assertThat(full)
                .hasSizeBetween(240, 270)
                .containsKeys(
                        "ExchangeGuid",
                        "PrimarySmtpAddress",
                        "RecipientTypeDetails",
                        "ForwardingSmtpAddress",
                        "HiddenFromAddressListsEnabled",
                        "WhenChangedUTC",
                        "EmailAddresses",
                        "UMDtmfMap");
        Map<String, Object> minimum = tenant.mailboxes().record(7, true);
        assertThat(minimum.keySet()).containsExactlyInAnyOrderElementsOf(MailboxOverlay.cheapProperties());
        assertThat(MailboxOverlay.cheapProperties()).containsAll(MailboxOverlay.minimumProperties());
        minimum.forEach((name, value) -> assertThat(full).containsEntry(name, value));
    }

    @Test
    void mailboxKindsAreMixedAndAliasesUnique() {
        Set<Object> kinds = new HashSet<>();
        Set<Object> aliases = new HashSet<>();
        for (int i = 0; i < 2000; i++) {
            Map<String, Object> record = tenant.mailboxes().record(i, true);
            kinds.add(record.get("RecipientTypeDetails"));
            aliases.add(record.get("Alias"));
        }
        assertThat(kinds).contains("UserMailbox", "SharedMailbox", "RoomMailbox");
        assertThat(aliases).hasSize(2000);
    }

    @Test
    void statisticsUseTheByteQuantifiedSizeText() {
        Map<String, Object> statistics = tenant.mailboxes().statistics(42);
        assertThat(statistics.get("TotalItemSize").toString())
                .matches("\\d+(\\.\\d{1,3})? (B|KB|MB|GB) \\(\\d{1,3}(,\\d{3})* bytes\\)");
        assertThat(statistics.get("ItemCount")).isInstanceOf(Integer.class);
        assertThat(ByteSize.format(53_150_220_288L)).isEqualTo("49.5 GB (53,150,220,288 bytes)");
        assertThat(ByteSize.format(106_300_440_576L)).isEqualTo("99 GB (106,300,440,576 bytes)");
        assertThat(ByteSize.format(0)).isEqualTo("0 B (0 bytes)");
        assertThat(ByteSize.format(999)).isEqualTo("999 B (999 bytes)");
        assertThat(ByteSize.format(1_000)).isEqualTo("1000 B (1,000 bytes)");
        assertThat(ByteSize.format(123_456)).isEqualTo("120.562 KB (123,456 bytes)");
    }

    @Test
    void identityFindsAMailboxByAnyOfItsNamesAndGuids() {
        Map<String, Object> record = tenant.mailboxes().record(4321, false);
        for (String property : List.of(
                "Alias",
                "PrimarySmtpAddress",
                "UserPrincipalName",
                "DistinguishedName",
                "Guid",
                "ExchangeGuid",
                "ExternalDirectoryObjectId",
                "LegacyExchangeDN")) {
            assertThat(tenant.mailboxes()
                            .find(String.valueOf(record.get(property)).toUpperCase()))
                    .as(property)
                    .isEqualTo(4321);
        }
        assertThat(tenant.mailboxes().find("smtp:" + record.get("Alias") + "@contoso.onmicrosoft.com"))
                .isEqualTo(4321);
        assertThat(tenant.mailboxes().find("ghost4321@contoso.com")).isEqualTo(-1);
        assertThat(tenant.mailboxes().find("00000000-0000-0000-0000-000000000000"))
                .isEqualTo(-1);
    }

    @Test
    void guidsOfNeighboursLookUnrelated() {
        String first = tenant.mailboxes().record(100, true).get("Guid").toString();
        String second = tenant.mailboxes().record(101, true).get("Guid").toString();
        assertThat(first.substring(24, 30)).isNotEqualTo(second.substring(24, 30));
    }

    @Test
    void writesLiveInTheOverlayAndReadsSeeThem() {
        Tenant writable = new Tenant("fabrikam.onmicrosoft.com", 42, 100);
        writable.mailboxes().changeKind(3, MailboxKind.SHARED);
        writable.mailboxes().change(3, Map.of("HiddenFromAddressListsEnabled", true));
        assertThat(writable.mailboxes().record(3, false))
                .containsEntry("RecipientTypeDetails", "SharedMailbox")
                .containsEntry("IsShared", true)
                .containsEntry("HiddenFromAddressListsEnabled", true);
        assertThat(writable.mailboxes().record(3, true)).containsEntry("RecipientTypeDetails", "SharedMailbox");
        assertThat(writable.mailboxes().record(4, false)).containsEntry("HiddenFromAddressListsEnabled", false);
        int created = writable.mailboxes()
                .create(
                        MailboxKind.USER,
                        "New Person",
                        "new.person",
                        "New Person",
                        "New",
                        "Person",
                        "new.person@fabrikam.com");
        assertThat(created).isEqualTo(100);
        assertThat(writable.mailboxes().count()).isEqualTo(101);
        assertThat(writable.mailboxes().find("new.person@fabrikam.com")).isEqualTo(100);
        assertThat(writable.mailboxes().find("New Person")).isEqualTo(100);
    }

    @Test
    void groupsHaveMembersAndDevicesBelongToUsers() {
        assertThat(tenant.groups().count()).isEqualTo(100);
        List<Integer> members = tenant.groups().members(5);
        assertThat(members).hasSizeBetween(3, 25).isSorted();
        String alias = tenant.groups().record(5).get("Alias").toString();
        assertThat(tenant.groups().find(alias)).isEqualTo(5);
        int withDevice = -1;
        for (int i = 0; i < 100 && withDevice < 0; i++) {
            withDevice = tenant.devices().get(i, 0) != null ? i : -1;
        }
        assertThat(withDevice).isNotNegative();
        Map<String, Object> device = tenant.devices().get(withDevice, 0);
        assertThat(tenant.devices().find(device.get("Identity").toString())).isEqualTo(2L * withDevice);
        assertThat(tenant.devices().find(device.get("Guid").toString())).isEqualTo(2L * withDevice);
    }
}
