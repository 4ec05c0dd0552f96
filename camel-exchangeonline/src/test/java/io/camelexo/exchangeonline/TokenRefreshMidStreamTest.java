package io.camelexo.exchangeonline;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.camelexo.exchangeonline.support.AdminApiWire;
import io.camelexo.exchangeonline.support.FakeEntra;
import io.camelexo.exchangeonline.support.SignInTestSupport;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;

/**
 * "Tokens are refreshed five minutes before they expire, also in the middle of a long stream": the session's clock
 * reaches the refresh point while a split is half-way through a ten-page Get-Mailbox, and the remaining pages go out
 * with a new token from Entra, before the service could refuse the old one. Seen from the servers only.
 */
class TokenRefreshMidStreamTest extends SignInTestSupport {

    static final String TOKEN_PATH = "/" + TENANT + "/oauth2/v2.0/token";
    static final int PAGES = 10;
    static final int PER_PAGE = 3;
    /** The split record at which the clock jumps: the middle of page 4 (the splitter looks one record ahead). */
    static final int CLOCK_JUMPS_AT_RECORD = 4 * PER_PAGE - 2;

    /**
     * The session's clock starts an hour behind: the first token, which really has four minutes left, looks good for
     * an hour and four minutes until the jump. Four minutes, because msal4j hands out no cached app token with five
     * minutes or less left: at the refresh it must go to Entra, as it does in production at that point.
     */
    final MovableClock clock = new MovableClock(Instant.now().minus(Duration.ofHours(1)));

    @Override
    protected void bindToRegistry(org.apache.camel.spi.Registry registry) throws Exception {
        super.bindToRegistry(registry);
        registry.bind("exo", new ExoComponent(clock));
    }

    @Test
    void theTokenIsRenewedBeforeItExpiresInTheMiddleOfAStreamWithoutA401() throws Exception {
        stubTokenAnswers(TOKEN_PATH, FakeEntra.tokenAnswer("at-1", 240), FakeEntra.tokenAnswer("at-2", 3599));
        AdminApiWire.stubInvokePages(EXO, INVOKE, PAGES, PER_PAGE);
        // as the real service would: at-1 is refused once it has lapsed (from page 5 on, had it not been renewed)
        stubTokenRefusedFromPage("at-1", 5, PAGES);
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:export")
                        .to(exoUri(
                                "exo",
                                "Get-Mailbox",
                                // no page read ahead: the page after the clock jump must be asked for after it
                                "clientSecret=RAW(correct-horse~battery)&outputType=Stream&prefetchPages=0&pageSize="
                                        + PER_PAGE + "&ResultSize=Unlimited"))
                        .split(body())
                        .streaming()
                        .process(exchange -> {
                            if (exchange.getProperty(Exchange.SPLIT_INDEX, Integer.class) == CLOCK_JUMPS_AT_RECORD) {
                                clock.advance(Duration.ofHours(1));
                            }
                        })
                        .to("mock:record");
            }
        });
        assertThat(entraRequests(TOKEN_PATH)).as("sign-in at route start").hasSize(1);

        template.sendBody("direct:export", null);

        assertThat(getMockEndpoint("mock:record").getExchanges())
                .extracting(e -> e.getIn().getBody(Map.class).get("Identity"))
                .hasSize(PAGES * PER_PAGE)
                .doesNotHaveDuplicates();
        List<LoggedRequest> pages = EXO.findAll(anyRequestedFor(anyUrl()));
        assertThat(pages)
                .extracting(r -> r.getHeader("Authorization"))
                .containsExactly(
                        "Bearer at-1",
                        "Bearer at-1",
                        "Bearer at-1",
                        "Bearer at-1",
                        "Bearer at-2",
                        "Bearer at-2",
                        "Bearer at-2",
                        "Bearer at-2",
                        "Bearer at-2",
                        "Bearer at-2");
        assertThat(EXO.getAllServeEvents())
                .extracting(event -> event.getResponse().getStatus())
                .as("no 401")
                .containsOnly(200);
        assertThat(entraRequests(TOKEN_PATH)).as("one sign-in and one refresh").hasSize(2);
    }

    /** A clock that a test moves forward. */
    static final class MovableClock extends Clock {
        private volatile Instant now;

        MovableClock(Instant start) {
            this.now = start;
        }

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            throw new UnsupportedOperationException();
        }
    }
}
