package io.camelexo.exchangeonline;

import static io.camelexo.exchangeonline.support.SimulatedExchange.useSimulatedExchange;
import static org.assertj.core.api.Assertions.assertThat;

import io.camelexo.exchangeonline.simulator.TenantSimulator;
import io.camelexo.exchangeonline.simulator.TenantSimulatorExtension;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * parallelPaging against the tenant simulator, whose mailbox names start with every kind of character (digits,
 * punctuation, Cyrillic, CJK, Arabic and other scripts, emoji, either case): the listing read as 2, 7 or 16 Name ranges
 * holds exactly the records of the sequential listing, each once, with and without a filter of the caller's, by
 * InvokeCommand (OPATH) and by the entity routes (OData); the session's gate holds at the server.
 */
class ParallelPagingRouteTest extends CamelTestSupport {

    private static final String TENANT = TenantSimulator.DEFAULT_TENANT;
    private static final int MAX_CONCURRENT_REQUESTS = 4;

    @RegisterExtension
    static final TenantSimulatorExtension SIM = new TenantSimulatorExtension(
            TenantSimulator.builder().mailboxes(1500).nameVariety(true));

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                useSimulatedExchange(getContext(), SIM.simulator(), TENANT)
                        .setMaxConcurrentRequests(MAX_CONCURRENT_REQUESTS);
            }
        };
    }

    /** The Names the listing returns; fails on a Name returned twice. */
    private Set<String> names(String cmdlet, int parallelPaging, String filter) {
        String uri =
                "exo:" + cmdlet + "?ResultSize=Unlimited&pageSize=100&select=Name&parallelPaging=" + parallelPaging;
        List<Map<String, Object>> records = filter == null
                ? template.requestBody(uri, null, List.class)
                : template.requestBodyAndHeader(
                        uri, null, ExoConstants.PARAMETERS, Map.of("Filter", filter), List.class);
        List<String> names =
                records.stream().map(record -> (String) record.get("Name")).toList();
        assertThat(names)
                .as("%s with parallelPaging=%d and filter %s", cmdlet, parallelPaging, filter)
                .doesNotHaveDuplicates();
        return new HashSet<>(names);
    }

    @ParameterizedTest
    @CsvSource(
            nullValues = "none",
            value = {
                "Get-Mailbox, none",
                "Get-Mailbox, RecipientTypeDetails -eq 'UserMailbox'",
                "Get-Recipient, none",
                "Get-EXOMailbox, none",
                "Get-EXOMailbox, RecipientTypeDetails -ne 'UserMailbox'",
                "Get-EXORecipient, RecipientTypeDetails eq 'SharedMailbox'"
            })
    void everyRangeCountHoldsTheSequentialListingsRecordsEachOnce(String cmdlet, String filter) {
        SIM.simulator().traffic().reset();
        Set<String> sequential = names(cmdlet, 1, filter);
        assertThat(sequential).isNotEmpty();
        if (filter != null) {
            assertThat(sequential)
                    .as("the caller's filter applies")
                    .hasSizeLessThan(names(cmdlet, 1, null).size());
        }
        for (int parallelPaging : new int[] {2, 7, 16}) {
            assertThat(names(cmdlet, parallelPaging, filter))
                    .as("%s read as %d Name ranges", cmdlet, parallelPaging)
                    .isEqualTo(sequential);
        }
        assertThat(SIM.simulator().traffic().maxInFlight(TENANT))
                .as("requests in flight at once at the server")
                .isLessThanOrEqualTo(MAX_CONCURRENT_REQUESTS);
    }
}
