package io.camelexo.exchangeonline.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The Get-EXO* routes in the exact forms the component's EntityRoutes builds. */
class EntityRoutesTest {

    private static final String TENANT = "contoso.onmicrosoft.com";

    @RegisterExtension
    static final TenantSimulatorExtension SIM =
            new TenantSimulatorExtension(TenantSimulator.builder().mailboxes(1200));

    private final AdminApiHttp http = new AdminApiHttp();
    private TenantSimulator sim;
    private String token;
    private String base;

    @BeforeEach
    void signIn() {
        sim = SIM.simulator();
        token = sim.accessToken(TENANT, SimulatedService.EXCHANGE);
        base = sim.exchangeUrl() + "/adminapi/beta/" + TENANT + "/";
    }

    /** EntityRoutes.key(): Base64 of the UTF-8 identity, percent-encoded, in quotes. */
    private static String key(String identity) {
        return "'" + encode(Base64.getEncoder().encodeToString(identity.getBytes(StandardCharsets.UTF_8))) + "'";
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    @Test
    void theMailboxSetPagesByGetWithTheMinimumSetAndAHundredPerPage() {
        JsonNode first = http.get(base + "Mailbox", token).json();
        assertThat(first.path("@odata.context").asText()).endsWith("/$metadata#Mailbox");
        assertThat(first.path("value")).hasSize(100);
        JsonNode entity = first.path("value").get(0);
        List<String> properties = new ArrayList<>();
        entity.fieldNames().forEachRemaining(name -> {
            if (!name.contains("@")) {
                properties.add(name);
            }
        });
        assertThat(properties)
                .containsExactlyInAnyOrder(
                        "ExternalDirectoryObjectId",
                        "UserPrincipalName",
                        "Alias",
                        "DisplayName",
                        "EmailAddresses",
                        "PrimarySmtpAddress",
                        "RecipientType",
                        "RecipientTypeDetails",
                        "Identity",
                        "Id",
                        "ExchangeVersion",
                        "Name",
                        "DistinguishedName",
                        "OrganizationId",
                        "Guid");
        assertThat(entity.path("@odata.editLink").asText())
                .isEqualTo(
                        "Mailbox('" + entity.path("ExternalDirectoryObjectId").asText() + "')");

        int count = 0;
        String url = base + "Mailbox?PropertySet=Minimum";
        while (url != null) {
            JsonNode page =
                    http.get(url, token, "Prefer", "odata.maxpagesize=500").json();
            count += page.path("value").size();
            url = page.has("@odata.nextLink") ? page.path("@odata.nextLink").asText() : null;
            if (url != null) {
                assertThat(url).contains("PropertySet=Minimum");
            }
        }
        assertThat(count).isEqualTo(1200);
    }

    @Test
    void propertySetsAndSelectWidenTheRecord() {
        JsonNode quota = http.get(
                        base + "Mailbox?PropertySet=Minimum%2CQuota&$select=Office",
                        token,
                        "Prefer",
                        "odata.maxpagesize=1")
                .json()
                .path("value")
                .get(0);
        assertThat(quota.has("ProhibitSendQuota")).isTrue();
        assertThat(quota.has("Office")).isTrue();
        assertThat(quota.has("Alias")).isTrue();
        assertThat(quota.has("AuditOwner")).isFalse();
        JsonNode all = http.get(base + "Mailbox?PropertySet=All", token, "Prefer", "odata.maxpagesize=1")
                .json()
                .path("value")
                .get(0);
        assertThat(all.has("AuditOwner")).isTrue();
        assertThat(http.get(base + "Mailbox?PropertySet=Nonsense", token).status())
                .isEqualTo(400);
    }

    @Test
    void filterAndRecipientTypeDetailsSelectMailboxesAndTheNextLinkKeepsThem() {
        String filter = "$filter=" + encode("RecipientTypeDetails eq 'SharedMailbox'");
        JsonNode page = http.get(base + "Mailbox?" + filter, token, "Prefer", "odata.maxpagesize=10")
                .json();
        assertThat(page.path("value")).hasSize(10);
        page.path("value")
                .forEach(entity ->
                        assertThat(entity.path("RecipientTypeDetails").asText()).isEqualTo("SharedMailbox"));
        String nextLink = page.path("@odata.nextLink").asText();
        assertThat(nextLink)
                .contains("filter=RecipientTypeDetails%20eq%20%27SharedMailbox%27")
                .contains("skiptoken=");
        http.get(nextLink, token, "Prefer", "odata.maxpagesize=10")
                .json()
                .path("value")
                .forEach(entity ->
                        assertThat(entity.path("RecipientTypeDetails").asText()).isEqualTo("SharedMailbox"));
        JsonNode rooms = http.get(
                        base + "Mailbox?RecipientTypeDetails=RoomMailbox", token, "Prefer", "odata.maxpagesize=1000")
                .json();
        assertThat(rooms.path("value").size()).isPositive();
        rooms.path("value")
                .forEach(entity ->
                        assertThat(entity.path("RecipientTypeDetails").asText()).isEqualTo("RoomMailbox"));
        assertThat(http.get(base + "Mailbox?$filter=" + encode("Alias has 'a'"), token)
                        .status())
                .isEqualTo(400);
        // OPATH is what cmdlets take; the entity routes answer it with the OData parser's 400
        assertThat(http.get(base + "Mailbox?$filter=" + encode("RecipientTypeDetails -eq 'SharedMailbox'"), token)
                        .status())
                .isEqualTo(400);
        assertThat(http.get(base + "Mailbox?$filter=" + encode("IsShared eq $true"), token)
                        .status())
                .isEqualTo(400);
    }

    @Test
    void aKeyedGetAnswersTheEntityItself() {
        Map<String, Object> mailbox = sim.mailbox(TENANT, 77);
        JsonNode entity = http.get(
                        base + "Mailbox(" + key(mailbox.get("UserPrincipalName").toString()) + ")?isEncoded=true",
                        token)
                .json();
        assertThat(entity.has("value")).isFalse();
        assertThat(entity.path("@odata.context").asText()).endsWith("$metadata#Mailbox/$entity");
        assertThat(entity.path("Alias").asText()).isEqualTo(mailbox.get("Alias"));
        JsonNode byGuid = http.get(base + "Mailbox('" + mailbox.get("ExchangeGuid") + "')", token)
                .json();
        assertThat(byGuid.path("Alias").asText()).isEqualTo(mailbox.get("Alias"));
        JsonNode recipient = http.get(
                        base + "Recipient(" + key(mailbox.get("Alias").toString()) + ")?isEncoded=true", token)
                .json();
        assertThat(recipient.path("PrimarySmtpAddress").asText()).isEqualTo(mailbox.get("PrimarySmtpAddress"));
    }

    @Test
    void statisticsPermissionsAndDevicesHangOffTheMailbox() {
        String upn = sim.mailbox(TENANT, 12).get("UserPrincipalName").toString();
        JsonNode statistics = http.get(
                        base + "Mailbox(" + key(upn) + ")/Exchange.GetMailboxStatistics()?isEncoded=true", token)
                .json();
        assertThat(statistics.path("value").get(0).path("TotalItemSize").asText())
                .matches("[\\d.]+ [KMG]?B \\([\\d,]+ bytes\\)");
        JsonNode permissions = http.get(base + "Mailbox(" + key(upn) + ")/MailboxPermission?isEncoded=true", token)
                .json();
        assertThat(permissions.path("value").get(0).path("User").asText()).isEqualTo("NT AUTHORITY\\SELF");
        int withDevices = 0;
        for (int index = 0; index < 50; index++) {
            String identity =
                    sim.mailbox(TENANT, index).get("UserPrincipalName").toString();
            withDevices += http.get(
                                            base + "Mailbox(" + key(identity)
                                                    + ")/MobileDevice/Exchange.GetMobileDeviceStatistics()?isEncoded=true",
                                            token)
                                    .json()
                                    .path("value")
                                    .size()
                            > 0
                    ? 1
                    : 0;
        }
        assertThat(withDevices).isBetween(10, 45);
    }

    @Test
    void unknownMailboxesAndRoutesAnswer404() {
        JsonNode missing = http.get(base + "Mailbox(" + key("ghost@contoso.com") + ")?isEncoded=true", token)
                .json();
        assertThat(missing.path("error").path("details").get(0).path("message").asText())
                .contains("ManagementObjectNotFoundException|");
        assertThat(http.get(base + "Mailbox(" + key("???") + ")?isEncoded=true", token)
                        .status())
                .as("an encoded / in the key")
                .isEqualTo(404);
        assertThat(http.get(base + "Frobnicator", token).status()).isEqualTo(404);
        assertThat(http.get(base + "Mailbox(" + key("ghost") + ")/Nonsense?isEncoded=true", token)
                        .status())
                .isEqualTo(404);
    }
}
