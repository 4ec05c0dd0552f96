package io.camelexo.exchangeonline;

import static io.camelexo.exchangeonline.support.SimulatedExchange.useSimulatedExchange;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.camelexo.exchangeonline.error.ExoFilterException;
import io.camelexo.exchangeonline.simulator.JournalEntry;
import io.camelexo.exchangeonline.simulator.SimulatedService;
import io.camelexo.exchangeonline.simulator.TenantSimulator;
import io.camelexo.exchangeonline.simulator.TenantSimulatorExtension;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.apache.camel.CamelExecutionException;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Get-EXO* filters pasted from PowerShell scripts (OPATH) against the tenant simulator, whose entity routes take OData
 * only, as the service does: the pasted filter and its OData form select the same mailboxes.
 */
class GetExoFilterRouteTest extends CamelTestSupport {

    private static final String TENANT = TenantSimulator.DEFAULT_TENANT;
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Shared and room mailboxes, except those whose name ends in 1 and the Sales team's. */
    private static final String OPATH =
            "(RecipientTypeDetails -eq 'SharedMailbox' -or RecipientTypeDetails -eq \"RoomMailbox\")"
                    + " -and -not(DisplayName -like '*1') -and DisplayName -notlike 'Sales*'";

    private static final String ODATA =
            "(RecipientTypeDetails eq 'SharedMailbox' or RecipientTypeDetails eq 'RoomMailbox')"
                    + " and not endswith(DisplayName,'1') and not startswith(DisplayName,'Sales')";

    @RegisterExtension
    static final TenantSimulatorExtension SIM =
            new TenantSimulatorExtension(TenantSimulator.builder().mailboxes(300));

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                useSimulatedExchange(getContext(), SIM.simulator(), TENANT);
            }
        };
    }

    @Test
    void aPastedOpathFilterReturnsTheMailboxesOfTheEquivalentODataFilter() {
        Set<String> expected = aliasesWhere(mailbox -> {
            String type = String.valueOf(mailbox.get("RecipientTypeDetails"));
            String name = String.valueOf(mailbox.get("DisplayName")).toLowerCase(Locale.ROOT);
            return (type.equals("SharedMailbox") || type.equals("RoomMailbox"))
                    && !name.endsWith("1")
                    && !name.startsWith("sales");
        });
        assertThat(expected).isNotEmpty();

        assertThat(aliases(run("Get-EXOMailbox", OPATH))).isEqualTo(expected);
        assertThat(aliases(run("Get-EXOMailbox", ODATA))).isEqualTo(expected);
    }

    @Test
    void theFilterOfTheIssueWorksInTheUri() {
        List<Map<String, Object>> mailboxes = template.requestBody(
                "exo:Get-EXOMailbox?ResultSize=Unlimited"
                        + "&Filter=RAW(RecipientTypeDetails -eq 'SharedMailbox' -and DisplayName -like 'Sales*')",
                null,
                List.class);
        assertThat(aliases(mailboxes))
                .isNotEmpty()
                .isEqualTo(aliasesWhere(
                        mailbox -> mailbox.get("RecipientTypeDetails").equals("SharedMailbox")
                                && mailbox.get("DisplayName").toString().startsWith("Sales")));
        assertThat(SIM.simulator().journal().cmdletCalls("Get-EXOMailbox"))
                .extracting(entry -> decodedQuery(entry))
                .isNotEmpty()
                .allMatch(query -> query.contains(
                        "$filter=RecipientTypeDetails eq 'SharedMailbox' and startswith(DisplayName,'Sales')"));
    }

    @Test
    void anUntranslatableFilterFailsBeforeAnyRequest() {
        assertThatThrownBy(() -> run("Get-EXOMailbox", "DisplayName -like 'Sales*Team'"))
                .isInstanceOf(CamelExecutionException.class)
                .cause()
                .isInstanceOf(ExoFilterException.class)
                .hasMessageContaining("'Sales*Team' at position 19");
        assertThat(SIM.simulator().journal().entries(SimulatedService.EXCHANGE)).isEmpty();
    }

    @Test
    void otherCmdletsSendTheirOpathFilterUnchanged() throws Exception {
        Set<String> byInvokeCommand = aliases(run("Get-Mailbox", OPATH));
        assertThat(byInvokeCommand).isEqualTo(aliases(run("Get-EXOMailbox", OPATH)));
        List<JournalEntry> calls = SIM.simulator().journal().cmdletCalls("Get-Mailbox");
        assertThat(calls).isNotEmpty();
        for (JournalEntry call : calls) {
            assertThat(JSON.readTree(call.body())
                            .path("CmdletInput")
                            .path("Parameters")
                            .path("Filter")
                            .asText())
                    .isEqualTo(OPATH);
        }
    }

    private List<Map<String, Object>> run(String cmdlet, String filter) {
        return template.requestBodyAndHeader(
                "exo:" + cmdlet + "?ResultSize=Unlimited",
                null,
                ExoConstants.PARAMETERS,
                Map.of("Filter", filter),
                List.class);
    }

    private static Set<String> aliases(List<Map<String, Object>> records) {
        Set<String> aliases = new HashSet<>();
        records.forEach(record -> aliases.add(record.get("Alias").toString()));
        assertThat(aliases).hasSameSizeAs(records);
        return aliases;
    }

    private static Set<String> aliasesWhere(Predicate<Map<String, Object>> wanted) {
        TenantSimulator sim = SIM.simulator();
        Set<String> aliases = new HashSet<>();
        for (int index = 0; index < sim.mailboxCount(TENANT); index++) {
            Map<String, Object> mailbox = sim.mailbox(TENANT, index);
            if (wanted.test(mailbox)) {
                aliases.add(mailbox.get("Alias").toString());
            }
        }
        return aliases;
    }

    private static String decodedQuery(JournalEntry entry) {
        return URLDecoder.decode(entry.url().substring(entry.url().indexOf('?') + 1), StandardCharsets.UTF_8);
    }
}
