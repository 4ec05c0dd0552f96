package io.camelexo.exchangeonline.adminapi;

import static io.camelexo.exchangeonline.support.AdminApiWire.mailboxes;
import static io.camelexo.exchangeonline.support.AdminApiWire.page;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.camelexo.exchangeonline.error.ExoProtocolException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PageReaderTest {

    private static PageReader reader(String body) {
        return new ReceivedPage(body.getBytes(StandardCharsets.UTF_8), false, 200, "req", null, null).reader();
    }

    private static List<Map<String, Object>> readAll(PageReader reader) {
        List<Map<String, Object>> records = new ArrayList<>();
        for (Map<String, Object> r = reader.nextRecord(); r != null; r = reader.nextRecord()) {
            records.add(r);
        }
        return records;
    }

    @Test
    void recordsLoseAnnotationsAndKeepPropertyOrder() {
        PageReader reader = reader(page(mailboxes(0, 2), "https://host/next", List.of("A warning")));
        List<Map<String, Object>> records = readAll(reader);
        assertThat(records).hasSize(2);
        assertThat(records.get(0).keySet())
                .containsExactly(
                        "Identity",
                        "Name",
                        "DisplayName",
                        "UserPrincipalName",
                        "PrimarySmtpAddress",
                        "EmailAddresses",
                        "RecipientTypeDetails",
                        "ExchangeGuid",
                        "ProhibitSendQuota",
                        "RecipientSoftDeletedStatus",
                        "WhenChanged");
        assertThat(records.get(1).get("EmailAddresses"))
                .isEqualTo(List.of("SMTP:user1@contoso.com", "smtp:user1@contoso.onmicrosoft.com"));
        assertThat(reader.nextLink()).hasToString("https://host/next");
        assertThat(reader.warnings()).containsExactly("A warning");
    }

    @Test
    void annotationsAfterTheValueArrayAreRead() {
        PageReader reader = reader(
                "{\"value\":[{\"A\":1}],\"odata.nextLink\":\"https://host/p2\",\"@adminapi.warnings\":[\"late\"],"
                        + "\"@adminapi.errors\":[\"Ex1|Microsoft.Exchange.SomeException|Partial failure\"]}");
        assertThat(readAll(reader)).containsExactly(Map.of("A", 1));
        assertThat(reader.nextLink()).hasToString("https://host/p2");
        assertThat(reader.warnings()).containsExactly("late");
        assertThat(reader.errors()).containsExactly("Ex1|Microsoft.Exchange.SomeException|Partial failure");
    }

    @Test
    void keyedEntityAnswerIsOneRecord() {
        PageReader reader = reader("{\"@odata.context\":\"x\",\"@odata.id\":\"Mailbox('a')\",\"DisplayName\":\"Anna\","
                + "\"ExchangeGuid@odata.type\":\"#Guid\",\"ExchangeGuid\":\"g\"}");
        assertThat(readAll(reader)).containsExactly(Map.of("DisplayName", "Anna", "ExchangeGuid", "g"));
    }

    @Test
    void nestedObjectsAreCleanedToo() {
        PageReader reader = reader(
                "{\"value\":[{\"Quota\":{\"Value@odata.type\":\"#Int64\",\"Value\":5},\"List\":[{\"X@data.type\":\"t\",\"X\":1}]}]}");
        assertThat(readAll(reader))
                .containsExactly(Map.of("Quota", Map.of("Value", 5), "List", List.of(Map.of("X", 1))));
    }

    @Test
    void nulBodyOnSuccessIsAProtocolError() {
        assertThatThrownBy(() -> new ReceivedPage(new byte[16], false, 200, "req-9", null, null).reader())
                .isInstanceOf(ExoProtocolException.class)
                .hasMessageContaining("HTTP 200")
                .satisfies(e ->
                        assertThat(((ExoProtocolException) e).getRequestId()).isEqualTo("req-9"));
    }

    @Test
    void truncatedJsonIsAProtocolError() {
        String full = page(mailboxes(0, 3), null, List.of());
        PageReader reader = reader(full.substring(0, full.length() / 2));
        assertThatThrownBy(() -> readAll(reader))
                .isInstanceOf(ExoProtocolException.class)
                .hasMessageContaining("not valid JSON");
    }

    @Test
    void htmlOnSuccessIsAProtocolError() {
        assertThatThrownBy(() -> reader("<html><body>Sign in</body></html>")).isInstanceOf(ExoProtocolException.class);
    }
}
