package io.camelexo.exchangeonline;

import static io.camelexo.exchangeonline.support.SimulatedExchange.useSimulatedExchange;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.camelexo.exchangeonline.error.ExoException;
import io.camelexo.exchangeonline.simulator.TenantSimulator;
import io.camelexo.exchangeonline.simulator.TenantSimulatorExtension;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * to("exo:Search-UnifiedAuditLog|Get-MessageTraceV2?...&ResultSize=Unlimited"): the whole StartDate..EndDate, not the
 * first call's rows, streamed or as a list.
 */
class WholeRangeTest extends CamelTestSupport {

    private static final String TENANT = TenantSimulator.DEFAULT_TENANT;

    @RegisterExtension
    static final TenantSimulatorExtension SIM =
            new TenantSimulatorExtension(TenantSimulator.builder().mailboxes(100));

    private final List<String> streamed = new ArrayList<>();

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                useSimulatedExchange(getContext(), SIM.simulator(), TENANT);
                from("direct:audit")
                        .to("exo:Search-UnifiedAuditLog?ResultSize=Unlimited&outputType=Stream&pageSize=1000")
                        .split(body())
                        .streaming()
                        .process(exchange -> streamed.add(exchange.getMessage()
                                .getBody(Map.class)
                                .get("Identity")
                                .toString()));
                from("direct:trace").to("exo:Get-MessageTraceV2?ResultSize=Unlimited&outputType=List");
            }
        };
    }

    @Test
    void anAuditLogRangeWithMoreRecordsThanOneCallIsStreamedWhole() {
        Instant hour = Instant.now().truncatedTo(ChronoUnit.HOURS);
        SIM.simulator().auditLog(TENANT).generatePerHour(4_000);
        try {
            Instant start = hour.minus(Duration.ofHours(10));
            Instant end = start.plus(Duration.ofHours(3)).minusSeconds(1);
            template.sendBodyAndHeader(
                    "direct:audit", null, ExoConstants.PARAMETERS, Map.of("StartDate", start, "EndDate", end));
            Set<String> truth = new HashSet<>();
            SIM.simulator().auditLog(TENANT).search(start, end, Instant.now()).forEach(e -> truth.add(e.id()));
            assertThat(truth).as("more than one call of 5,000 returns").hasSizeGreaterThan(5_000);
            assertThat(streamed).doesNotHaveDuplicates();
            assertThat(new HashSet<>(streamed)).isEqualTo(truth);
        } finally {
            SIM.simulator().auditLog(TENANT).generatePerHour(0);
        }
    }

    @Test
    void aMessageTraceRangeLongerThanTenDaysIsReadWholeInWindowsTheServiceAccepts() {
        SIM.simulator().messageTrace(TENANT).generatePerHour(20);
        try {
            Instant end = Instant.now().minus(Duration.ofHours(1));
            Instant start = end.minus(Duration.ofDays(25));
            List<?> rows = template.requestBodyAndHeader(
                    "direct:trace",
                    null,
                    ExoConstants.PARAMETERS,
                    Map.of("StartDate", start, "EndDate", end),
                    List.class);
            Set<String> truth = new HashSet<>();
            SIM.simulator()
                    .messageTrace(TENANT)
                    .search(start.truncatedTo(ChronoUnit.SECONDS), end, Instant.now())
                    .forEach(row -> truth.add(row.messageTraceId() + "/" + row.recipientAddress()));
            Set<String> read = new HashSet<>();
            rows.forEach(row -> read.add(
                    ((Map<?, ?>) row).get("MessageTraceId") + "/" + ((Map<?, ?>) row).get("RecipientAddress")));
            assertThat(truth).hasSizeGreaterThan(10_000);
            assertThat(read).isEqualTo(truth);
            assertThat(SIM.simulator().journal().cmdletCalls("Get-MessageTraceV2"))
                    .as("three windows of at most 10 days, none refused")
                    .allSatisfy(call -> assertThat(call.status()).isEqualTo(200))
                    .hasSizeGreaterThanOrEqualTo(3);
        } finally {
            SIM.simulator().messageTrace(TENANT).generatePerHour(0);
        }
    }

    @Test
    void aWholeAuditLogRangeNeedsBothDates() {
        assertThatThrownBy(() -> template.sendBodyAndHeader(
                        "direct:audit", null, ExoConstants.PARAMETERS, Map.of("StartDate", Instant.now())))
                .hasRootCauseInstanceOf(IllegalArgumentException.class)
                .cause()
                .isInstanceOf(ExoException.class)
                .hasMessageContaining("Search-UnifiedAuditLog needs StartDate and EndDate");
    }
}
