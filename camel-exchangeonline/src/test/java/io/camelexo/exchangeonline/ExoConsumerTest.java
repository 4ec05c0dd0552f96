package io.camelexo.exchangeonline;

import static io.camelexo.exchangeonline.support.SimulatedExchange.useSimulatedExchange;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.camelexo.exchangeonline.simulator.TenantSimulator;
import io.camelexo.exchangeonline.simulator.TenantSimulatorExtension;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** from("exo:<read cmdlet>") against the tenant simulator: every record of the listing arrives once per poll. */
class ExoConsumerTest extends CamelTestSupport {

    private static final int MAILBOXES = 1200;

    @RegisterExtension
    static final TenantSimulatorExtension SIM =
            new TenantSimulatorExtension(TenantSimulator.builder().mailboxes(MAILBOXES));

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                useSimulatedExchange(getContext(), SIM.simulator(), TenantSimulator.DEFAULT_TENANT);
            }
        };
    }

    @Test
    void eachPollDeliversEveryRecordOfTheListingAsItsOwnExchange() throws Exception {
        MockEndpoint out = getMockEndpoint("mock:out");
        // more than the service's default ResultSize of 1000: the consumer reads to the end unless told otherwise
        out.expectedMessageCount(2 * MAILBOXES);
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("exo:Get-Mailbox?pageSize=500&select=Name&initialDelay=0&delay=10&repeatCount=2")
                        .to("mock:out");
            }
        });
        out.assertIsSatisfied(TimeUnit.SECONDS.toMillis(60));

        List<Exchange> received = out.getReceivedExchanges();
        List<Object> names = received.stream()
                .map(exchange -> exchange.getMessage().getBody(Map.class).get("Name"))
                .toList();
        assertThat(names.subList(0, MAILBOXES)).doesNotHaveDuplicates().hasSize(MAILBOXES);
        assertThat(names.subList(MAILBOXES, 2 * MAILBOXES))
                .as("the second poll reads the same listing again")
                .containsExactlyInAnyOrderElementsOf(names.subList(0, MAILBOXES));
        assertThat(received.get(0).getMessage().getHeader(ExoConstants.REQUEST_ID, String.class))
                .isNotBlank();
    }

    @Test
    void aWriteCmdletInFromFailsTheRouteStartNamingTheCmdlet() {
        assertThatThrownBy(() -> context.addRoutes(new RouteBuilder() {
                    @Override
                    public void configure() {
                        from("exo:Set-Mailbox?Identity=alice&delay=1000").to("mock:never");
                    }
                }))
                .hasStackTraceContaining("Set-Mailbox changes the tenant, use it in to()");
    }
}
