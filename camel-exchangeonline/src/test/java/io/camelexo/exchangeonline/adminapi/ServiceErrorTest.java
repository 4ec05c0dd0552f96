package io.camelexo.exchangeonline.adminapi;

import static io.camelexo.exchangeonline.support.AdminApiWire.error;
import static org.assertj.core.api.Assertions.assertThat;

import io.camelexo.exchangeonline.error.ExoAccessDeniedException;
import io.camelexo.exchangeonline.error.ExoAuthenticationException;
import io.camelexo.exchangeonline.error.ExoCmdletException;
import io.camelexo.exchangeonline.error.ExoException;
import io.camelexo.exchangeonline.error.ExoProtocolException;
import io.camelexo.exchangeonline.error.ExoThrottledException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class ServiceErrorTest {

    private static ExoException decode(int status, String body) {
        return ServiceError.decode(status, body.getBytes(StandardCharsets.UTF_8), null, null, "req-1")
                .toException("Get-Mailbox", false);
    }

    @Test
    void pipeDelimitedDetailGivesTypeAndMessage() {
        ExoException e = decode(
                404,
                error(
                        "NotFound",
                        "Ex6F9304|Microsoft.Exchange.Configuration.Tasks.ManagementObjectNotFoundException|"
                                + "The operation couldn't be performed because object 'ghost@contoso.com' couldn't be found.",
                        "ODataServiceException"));
        assertThat(e).isExactlyInstanceOf(ExoCmdletException.class);
        ExoCmdletException cmdlet = (ExoCmdletException) e;
        assertThat(cmdlet.getExceptionType()).isEqualTo("ManagementObjectNotFoundException");
        assertThat(cmdlet.getCmdletMessage())
                .startsWith("The operation couldn't be performed because object 'ghost@contoso.com'");
        assertThat(cmdlet.getStatusCode()).isEqualTo(404);
        assertThat(cmdlet.getErrorCode()).isEqualTo("NotFound");
        assertThat(cmdlet.getRequestId()).isEqualTo("req-1");
        assertThat(cmdlet.getMessage()).contains("Get-Mailbox", "404", "ManagementObjectNotFoundException", "req-1");
    }

    @Test
    void jsonMessageTypeNameDetail() {
        ExoCmdletException e = (ExoCmdletException) decode(
                400,
                error(
                        "BadRequest",
                        "{\"Message\":\"A parameter cannot be found that matches parameter name 'Frobnicate'.\","
                                + "\"TypeName\":\"System.Management.Automation.ParameterBindingException\",\"StackTrace\":null,\"InnerError\":null}",
                        "ODataServiceException"));
        assertThat(e.getExceptionType()).isEqualTo("ParameterBindingException");
        assertThat(e.getCmdletMessage())
                .isEqualTo("A parameter cannot be found that matches parameter name 'Frobnicate'.");
    }

    @Test
    void localizedStringClassNameDetail() {
        ExoCmdletException e = (ExoCmdletException) decode(
                400,
                error(
                        "BadRequest",
                        "{\"localizedString\":{\"stringId\":\"ErrorRecipientNotFound\"},\"ClassName\":"
                                + "\"Microsoft.Exchange.Configuration.Tasks.ManagementObjectNotFoundException\",\"Message\":\"Recipient not found.\"}",
                        "ODataServiceException"));
        assertThat(e.getExceptionType()).isEqualTo("ManagementObjectNotFoundException");
        assertThat(e.getCmdletMessage()).isEqualTo("Recipient not found.");
    }

    @Test
    void emptyIdPipeDetail() {
        ExoCmdletException e = (ExoCmdletException)
                decode(400, error("BadRequest", "|Microsoft.Exchange.Data.DataValidationException|Bad value.", "X"));
        assertThat(e.getExceptionType()).isEqualTo("DataValidationException");
        assertThat(e.getCmdletMessage()).isEqualTo("Bad value.");
    }

    @Test
    void internalServerErrorWithoutDetailsUsesInnerErrorType() {
        ServiceError error = ServiceError.decode(
                500,
                ("{\"error\":{\"code\":\"InternalServerError\",\"message\":\"The Active Directory "
                                + "Topology service returned an error: the LDAP server is unavailable.\",\"innererror\":{\"message\":\"LDAP unavailable\","
                                + "\"type\":\"Microsoft.Exchange.Data.Directory.ADTransientException\"}}}")
                        .getBytes(StandardCharsets.UTF_8),
                null,
                null,
                "r");
        assertThat(error.namesTransientException()).isTrue();
        ExoCmdletException e = (ExoCmdletException) error.toException("Get-Mailbox", false);
        assertThat(e.getExceptionType()).isEqualTo("ADTransientException");
        assertThat(e.getCmdletMessage()).contains("LDAP server is unavailable");
    }

    @Test
    void forbiddenWithNulBodyIsAccessDeniedWithHint() {
        ServiceError error = ServiceError.decode(403, new byte[64], null, null, "r");
        ExoException e = error.toException("Get-RetentionCompliancePolicy", false);
        assertThat(e).isInstanceOf(ExoAccessDeniedException.class);
        assertThat(e.getMessage()).contains("64 NUL bytes", "scc:");
    }

    @Test
    void forbiddenJsonFromScc() {
        ExoException e = decode(
                403,
                "{\"error\":{\"code\":\"Forbidden\",\"message\":\"User is not allowed to call Get-RetentionCompliancePolicy\"}}");
        assertThat(e).isInstanceOf(ExoAccessDeniedException.class);
        assertThat(((ExoCmdletException) e).getCmdletMessage())
                .isEqualTo("User is not allowed to call Get-RetentionCompliancePolicy");
    }

    @Test
    void missingExchangeRoleIsExplained() {
        ExoException e = decode(
                401,
                "{\"error\":{\"code\":\"Unauthorized\",\"message\":\"The role assigned to application "
                        + "7d5f5b8e-1111 isn't supported in this scenario.\"}}");
        assertThat(e)
                .isInstanceOf(ExoAuthenticationException.class)
                .hasMessageContaining("The app has no Exchange role");
    }

    @Test
    void htmlServiceUnavailableIsAProtocolErrorNamingThePage() {
        ExoException e =
                decode(503, "<html><head><title>Service Unavailable</title></head><body><h1>503</h1></body></html>");
        assertThat(e).isInstanceOf(ExoProtocolException.class);
        assertThat(e.getStatusCode()).isEqualTo(503);
        assertThat(e.getMessage()).contains("HTML page titled 'Service Unavailable'");
    }

    @Test
    void concurrencyTextIsThrottlingWhateverTheStatus() {
        ServiceError error = ServiceError.decode(
                500,
                ("You have reached the maximum number of concurrent requests per tenant. "
                                + "Please wait and try again")
                        .getBytes(StandardCharsets.UTF_8),
                null,
                null,
                "r");
        assertThat(error.isThrottling()).isTrue();
        assertThat(error.toException("Set-Mailbox", true)).isInstanceOf(ExoThrottledException.class);
    }

    @Test
    void unauthorizedIsAuthentication() {
        assertThat(decode(401, ""))
                .isInstanceOf(ExoAuthenticationException.class)
                .hasMessageContaining("empty body");
    }

    @Test
    void retryAfterDecimalSecondsAndDates() {
        assertThat(ServiceError.parseRetryAfter("0.5")).isEqualTo(Duration.ofMillis(500));
        assertThat(ServiceError.parseRetryAfter("2")).isEqualTo(Duration.ofSeconds(2));
        assertThat(ServiceError.parseRetryAfter("Wed, 21 Oct 2015 07:28:00 GMT"))
                .isEqualTo(Duration.ZERO);
        assertThat(ServiceError.parseRetryAfter("soon")).isNull();
        assertThat(ServiceError.parseRetryAfter(null)).isNull();
    }
}
