package io.camelexo.exchangeonline.simulator.adminapi;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.camelexo.exchangeonline.simulator.tenant.Tenant;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Record and envelope encoding against the Admin API's shapes (docs/admin-api.md, "The InvokeCommand call", "Paging"), without HTTP. */
class RecordJsonTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final Tenant tenant = new Tenant("contoso.onmicrosoft.com", 42, 100);

    @Test
    void invokeCommandRecordsCarryTheAnnotationsOfC2() throws Exception {
        JsonNode record = page(List.of(tenant.mailboxes().record(firstUserMailbox(), false)), Selection.ALL)
                .path("value")
                .get(0);
        assertThat(record.path("EmailAddresses@odata.type").asText()).isEqualTo("#Collection(String)");
        assertThat(record.path("ExchangeGuid@data.type").asText()).isEqualTo("System.Guid");
        assertThat(record.path("ExchangeGuid@odata.type").asText()).isEqualTo("#Guid");
        assertThat(record.path("RecipientSoftDeletedStatus@data.type").asText()).isEqualTo("System.Int32");
        assertThat(record.path("RecipientSoftDeletedStatus@odata.type").asText())
                .isEqualTo("#Int32");
        assertThat(record.path("WhenChanged@data.type").asText()).isEqualTo("System.DateTime");
        assertThat(record.has("WhenChanged@odata.type"))
                .as("DateTime only gets @data.type")
                .isFalse();
        assertThat(record.path("WhenChanged").asText())
                .matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{7}\\+00:00");
        assertThat(record.path("WhenChangedUTC").asText())
                .matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{7}Z");
        assertThat(record.path("ProhibitSendQuota").asText())
                .as("a user mailbox")
                .isEqualTo("99 GB (106,300,440,576 bytes)");
        assertThat(record.path("LitigationHoldDuration").asText()).isEqualTo("Unlimited");
        assertThat(record.path("RetainDeletedItemsFor").asText()).isEqualTo("14.00:00:00");
        assertThat(record.path("ForwardingSmtpAddress").isNull()).isTrue();
        List<String> names = new ArrayList<>();
        record.fieldNames().forEachRemaining(names::add);
        assertThat(names.indexOf("ExchangeGuid@data.type")).isLessThan(names.indexOf("ExchangeGuid@odata.type"));
        assertThat(names.indexOf("ExchangeGuid@odata.type")).isLessThan(names.indexOf("ExchangeGuid"));
    }

    @Test
    void aFullRecordIsAbout15KilobytesAndMinimumOneOrTwo() {
        int full = bytes(page(List.of(tenant.mailboxes().record(1, false)), Selection.ALL)
                .path("value")
                .get(0));
        int minimum = bytes(page(List.of(tenant.mailboxes().record(1, true)), Selection.ALL)
                .path("value")
                .get(0));
        assertThat(full)
                .as("a full Get-Mailbox record: ~250 properties, ~15 KB")
                .isBetween(12_000, 17_000);
        assertThat(minimum).as("PropertySets=Minimum: 1-2 KB").isBetween(800, 2_000);
    }

    @Test
    void theEnvelopeHasContextWarningsNextLinkThenValue() throws Exception {
        byte[] body = PageWriter.invokeCommandPage(
                "ctx",
                List.of(PageWriter.MORE_RESULTS),
                "next",
                List.of(tenant.mailboxes().record(1, true)),
                Selection.of(List.of("alias", "DISPLAYNAME")));
        JsonNode page = JSON.readTree(body);
        List<String> names = new ArrayList<>();
        page.fieldNames().forEachRemaining(names::add);
        assertThat(names)
                .containsExactly(
                        "@odata.context",
                        "adminapi.warnings@odata.type",
                        "@adminapi.warnings",
                        "@odata.nextLink",
                        "value");
        assertThat(page.path("@adminapi.warnings").get(0).asText())
                .startsWith("There are more results available than are currently displayed.");
        List<String> properties = new ArrayList<>();
        page.path("value").get(0).fieldNames().forEachRemaining(properties::add);
        assertThat(properties)
                .as("$select is case-insensitive and keeps the record's order")
                .containsExactly("Alias", "DisplayName");
    }

    @Test
    void entityRecordsOnlyCarryODataTypes() throws Exception {
        byte[] body = PageWriter.entityCollection(
                "ctx",
                List.of(tenant.mailboxes().record(1, true)),
                "next",
                Selection.ALL,
                "base",
                record -> "Mailbox('" + record.get("ExternalDirectoryObjectId") + "')");
        JsonNode page = JSON.readTree(body);
        List<String> names = new ArrayList<>();
        page.fieldNames().forEachRemaining(names::add);
        assertThat(names).containsExactly("@odata.context", "value", "@odata.nextLink");
        JsonNode entity = page.path("value").get(0);
        assertThat(entity.path("@odata.editLink").asText()).startsWith("Mailbox('");
        assertThat(entity.path("@odata.id").asText()).startsWith("base/Mailbox('");
        assertThat(entity.path("Guid@odata.type").asText()).isEqualTo("#Guid");
        assertThat(entity.has("Guid@data.type")).isFalse();
    }

    private int firstUserMailbox() {
        int index = 0;
        while (!"UserMailbox".equals(tenant.mailboxes().record(index, true).get("RecipientTypeDetails"))) {
            index++;
        }
        return index;
    }

    private static JsonNode page(List<Map<String, Object>> records, Selection selection) {
        try {
            return JSON.readTree(PageWriter.invokeCommandPage("ctx", List.of(), null, records, selection));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static int bytes(JsonNode node) {
        return node.toString().getBytes(StandardCharsets.UTF_8).length;
    }
}
