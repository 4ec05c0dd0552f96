package io.camelexo.exchangeonline;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static org.assertj.core.api.Assertions.assertThat;

import io.camelexo.exchangeonline.error.ExoException;
import io.camelexo.exchangeonline.support.WireMockExchangeTest;
import java.util.Map;
import org.apache.camel.CamelExecutionException;
import org.apache.camel.ResolveEndpointFailedException;
import org.junit.jupiter.api.Test;

/**
 * parallelPaging on a listing it cannot split fails naming the option: when the endpoint is created if the URI says so,
 * else before any request when the message's headers choose the cmdlet or the ResultSize.
 */
class ParallelPagingOptionsTest extends WireMockExchangeTest {

    private static final String SPLITTABLE = "Get-Mailbox, Get-Recipient, Get-EXOMailbox, Get-EXORecipient";

    private String creationFailureOf(String uri) {
        useWireMockExchange(EXO.baseUrl(), 10);
        Throwable thrown = org.junit.jupiter.api.Assertions.assertThrows(
                ResolveEndpointFailedException.class, () -> context.getEndpoint(uri));
        return thrown.getCause() != null ? thrown.getCause().getMessage() : thrown.getMessage();
    }

    @Test
    void endpointCreationRefusesACmdletThatCannotBeSplitOrALimitedListing() {
        assertThat(creationFailureOf("exo:Get-User?parallelPaging=4&ResultSize=Unlimited"))
                .contains("parallelPaging=4", SPLITTABLE, "Get-User cannot be split", "parallelPaging=1");
        assertThat(creationFailureOf("exo:Get-MailboxStatistics?parallelPaging=2&ResultSize=Unlimited"))
                .contains("parallelPaging=2", SPLITTABLE);
        assertThat(creationFailureOf("exo:Get-Mailbox?parallelPaging=8&ResultSize=100"))
                .contains("parallelPaging=8", "needs ResultSize=Unlimited", "got ResultSize=100");
        assertThat(creationFailureOf("exo:Get-EXOMailbox?parallelPaging=8"))
                .contains("parallelPaging=8", "needs ResultSize=Unlimited", "ResultSize is not set");
        assertThat(creationFailureOf("exo:Get-Recipient?parallelPaging=65&ResultSize=Unlimited"))
                .contains("parallelPaging must be between 1 and 64, got 65");
        // a sequential listing of any cmdlet stays allowed, and so does a splittable one in any case
        context.getEndpoint("exo:Get-User?parallelPaging=1");
        context.getEndpoint("exo:get-exorecipient?parallelPaging=64&ResultSize=unlimited");
        assertThat(EXO.findAll(anyRequestedFor(anyUrl()))).isEmpty();
    }

    @Test
    void headersThatChooseAnotherCmdletOrResultSizeFailBeforeAnyRequest() {
        useWireMockExchange(EXO.baseUrl(), 10);
        String uri = "exo:Get-Mailbox?parallelPaging=4&ResultSize=Unlimited";

        CamelExecutionException otherCmdlet = org.junit.jupiter.api.Assertions.assertThrows(
                CamelExecutionException.class,
                () -> template.requestBodyAndHeader(uri, null, ExoConstants.CMDLET, "Get-User"));
        assertThat(otherCmdlet.getCause())
                .isInstanceOf(ExoException.class)
                .hasMessageContaining("Get-User was not sent")
                .hasMessageContaining("parallelPaging=4")
                .hasMessageContaining(SPLITTABLE);

        CamelExecutionException limited = org.junit.jupiter.api.Assertions.assertThrows(
                CamelExecutionException.class,
                () -> template.requestBodyAndHeader(uri, null, ExoConstants.PARAMETERS, Map.of("ResultSize", 500)));
        assertThat(limited.getCause())
                .isInstanceOf(ExoException.class)
                .hasMessageContaining("Get-Mailbox was not sent")
                .hasMessageContaining("needs ResultSize=Unlimited; got ResultSize=500");

        assertThat(EXO.findAll(anyRequestedFor(anyUrl()))).isEmpty();
    }
}
