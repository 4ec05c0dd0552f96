package io.camelexo.exchangeonline.simulator;

import static io.camelexo.exchangeonline.simulator.AdminApiHttp.JSON;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigInteger;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** InvokeCommand, EXOModuleFile and the Admin API's 401s, on the wire, against the shapes in docs/admin-api.md. */
class InvokeCommandWireTest {

    private static final String TENANT = "contoso.onmicrosoft.com";

    @RegisterExtension
    static final TenantSimulatorExtension SIM = new TenantSimulatorExtension(
            TenantSimulator.builder().mailboxes(2500).tenant(TENANT).tenant("fabrikam.onmicrosoft.com", 50));

    private final AdminApiHttp http = new AdminApiHttp();
    private TenantSimulator sim;
    private String token;

    @BeforeEach
    void signIn() {
        sim = SIM.simulator();
        token = sim.accessToken(TENANT, SimulatedService.EXCHANGE);
    }

    @Test
    void withoutResultSizeTheFirstPageComesWithTheMoreResultsWarning() {
        AdminApiHttp.Answer answer = http.invoke(sim.exchangeUrl(), TENANT, token, "Get-Mailbox", Map.of());
        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.header("Content-Type"))
                .isEqualTo("application/json;odata.metadata=minimal;odata.streaming=true;"
                        + "IEEE754Compatible=false;charset=utf-8");
        assertThat(answer.header("OData-Version")).isEqualTo("4.0");
        assertThat(answer.header("client-request-id")).isEqualTo("11111111-2222-3333-4444-555555555555");
        JsonNode page = answer.json();
        assertThat(page.path("@odata.context").asText())
                .endsWith("/adminapi/beta/" + TENANT + "/$metadata#Collection(Exchange.GenericHashTable)");
        assertThat(page.path("adminapi.warnings@odata.type").asText()).isEqualTo("#Collection(String)");
        assertThat(page.path("@adminapi.warnings").get(0).asText())
                .isEqualTo("There are more results available than are currently "
                        + "displayed. To view them, increase the value for the ResultSize parameter.");
        assertThat(page.path("value"))
                .as("default page size 1000, default ResultSize 1000")
                .hasSize(1000);
        assertThat(page.has("@odata.nextLink")).as("ResultSize 1000 is reached").isFalse();
    }

    @Test
    void unlimitedPagesThroughEverythingByRePostingTheBodyToTheNextLink() {
        List<String> aliases = new ArrayList<>();
        byte[] body = AdminApiHttp.cmdletInput("Get-Mailbox", Map.of("ResultSize", "Unlimited"));
        String url = AdminApiHttp.invokeCommandUrl(sim.exchangeUrl(), TENANT) + "?$select=Alias,RecipientTypeDetails";
        int pages = 0;
        while (url != null) {
            JsonNode page = http.post(url, token, body, "Prefer", "odata.maxpagesize=700")
                    .json();
            page.path("value")
                    .forEach(record -> aliases.add(record.path("Alias").asText()));
            assertThat(page.path("value").get(0).size())
                    .as("$select keeps two properties")
                    .isEqualTo(2);
            boolean last = !page.has("@odata.nextLink");
            assertThat(page.path("@adminapi.warnings").size())
                    .as("the warning stands while more pages exist")
                    .isEqualTo(last ? 0 : 1);
            url = last ? null : page.path("@odata.nextLink").asText();
            pages++;
        }
        assertThat(pages).isEqualTo(4);
        assertThat(aliases).hasSize(2500).doesNotHaveDuplicates();
    }

    @Test
    void aNextLinkCanAlsoBeFollowedWithGet() {
        JsonNode first = http.invoke(
                        sim.exchangeUrl(),
                        TENANT,
                        token,
                        "Get-Mailbox",
                        Map.of("ResultSize", 30),
                        "Prefer",
                        "odata.maxpagesize=20")
                .json();
        String nextLink = first.path("@odata.nextLink").asText();
        JsonNode byGet =
                http.get(nextLink, token, "Prefer", "odata.maxpagesize=20").json();
        JsonNode byPost = http.post(
                        nextLink,
                        token,
                        AdminApiHttp.cmdletInput("Get-Mailbox", Map.of("ResultSize", 30)),
                        "Prefer",
                        "odata.maxpagesize=20")
                .json();
        assertThat(byGet.path("value")).hasSize(10).isEqualTo(byPost.path("value"));
        assertThat(byGet.has("@odata.nextLink")).as("ResultSize 30 reached").isFalse();
        assertThat(byGet.path("@adminapi.warnings"))
                .as("more mailboxes exist than ResultSize")
                .hasSize(1);
        assertThat(first.path("value").get(19).path("Alias").asText())
                .isNotEqualTo(byGet.path("value").get(0).path("Alias").asText());
    }

    @Test
    void pageSizePreferenceIsClampedToOneThroughAThousand() {
        Map<String, Object> unlimited = Map.of("ResultSize", "Unlimited");
        assertThat(http.invoke(
                                sim.exchangeUrl(),
                                TENANT,
                                token,
                                "Get-Mailbox",
                                unlimited,
                                "Prefer",
                                "odata.maxpagesize=0")
                        .json()
                        .path("value"))
                .hasSize(1);
        AdminApiHttp.Answer big = http.invoke(
                sim.exchangeUrl(), TENANT, token, "Get-Mailbox", unlimited, "Prefer", "odata.maxpagesize=5000");
        assertThat(big.json().path("value")).hasSize(1000);
        assertThat(big.header("Preference-Applied")).contains("odata.maxpagesize=1000");
    }

    @Test
    void filterAndRecipientTypeDetailsNarrowGetMailbox() {
        JsonNode shared = http.invoke(
                        sim.exchangeUrl(),
                        TENANT,
                        token,
                        "Get-Mailbox",
                        Map.of("RecipientTypeDetails", List.of("SharedMailbox"), "ResultSize", "Unlimited"))
                .json();
        assertThat(shared.path("value").size()).isBetween(100, 400);
        shared.path("value")
                .forEach(record ->
                        assertThat(record.path("RecipientTypeDetails").asText()).isEqualTo("SharedMailbox"));
        JsonNode rooms = http.invoke(
                        sim.exchangeUrl(),
                        TENANT,
                        token,
                        "Get-Mailbox",
                        Map.of(
                                "Filter",
                                "RecipientTypeDetails -eq 'RoomMailbox' -and Alias -like 'room-*'",
                                "ResultSize",
                                "Unlimited"))
                .json();
        assertThat(rooms.path("value").size()).isPositive();
        rooms.path("value")
                .forEach(record -> assertThat(record.path("Alias").asText()).startsWith("room-"));
    }

    @Test
    void unknownCmdletsAndParametersAnswer400WithJsonInStringDetails() throws Exception {
        AdminApiHttp.Answer unknown = http.invoke(sim.exchangeUrl(), TENANT, token, "Get-Frobnicator", Map.of());
        assertThat(unknown.status()).isEqualTo(400);
        JsonNode error = unknown.json().path("error");
        assertThat(error.path("code").asText()).isEqualTo("BadRequest");
        assertThat(error.path("message").asText()).isEqualTo("Error executing cmdlet");
        JsonNode detail =
                JSON.readTree(error.path("details").get(0).path("message").asText());
        assertThat(detail.path("TypeName").asText()).isEqualTo("System.Management.Automation.CommandNotFoundException");
        assertThat(detail.path("Message").asText())
                .startsWith("The term 'Get-Frobnicator' is not recognized as a name of a cmdlet");
        assertThat(detail.has("StackTrace")).isTrue();
        assertThat(error.path("innererror").path("type").asText())
                .isEqualTo("Microsoft.Exchange.Admin.OData.Core.ODataServiceException");

        AdminApiHttp.Answer parameter =
                http.invoke(sim.exchangeUrl(), TENANT, token, "Get-Mailbox", Map.of("Frobnicate", true));
        JsonNode parameterDetail = JSON.readTree(parameter
                .json()
                .path("error")
                .path("details")
                .get(0)
                .path("message")
                .asText());
        assertThat(parameterDetail.path("Message").asText())
                .isEqualTo("A parameter cannot be found that matches parameter name 'Frobnicate'.");
        assertThat(parameter.header("x-ExceptionType")).isEqualTo("ParameterBindingException");
    }

    @Test
    void aMissingObjectAnswers404WithThePipeDelimitedDetail() {
        AdminApiHttp.Answer answer =
                http.invoke(sim.exchangeUrl(), TENANT, token, "Get-Mailbox", Map.of("Identity", "ghost@contoso.com"));
        assertThat(answer.status()).isEqualTo(404);
        assertThat(answer.header("x-ExceptionType")).isEqualTo("ManagementObjectNotFoundException");
        String detail = answer.json()
                .path("error")
                .path("details")
                .get(0)
                .path("message")
                .asText();
        assertThat(detail.split("\\|")).hasSize(3);
        assertThat(detail)
                .startsWith(
                        "Ex6F9304|Microsoft.Exchange.Configuration.Tasks.ManagementObjectNotFoundException|"
                                + "The operation couldn't be performed because object 'ghost@contoso.com' couldn't be found on '");
        assertThat(answer.json().path("error").path("code").asText()).isEqualTo("NotFound");
    }

    @Test
    void securityAndComplianceCmdletsAreRefusedByExchangeWithNulBytes() {
        AdminApiHttp.Answer answer =
                http.invoke(sim.exchangeUrl(), TENANT, token, "Get-RetentionCompliancePolicy", Map.of());
        assertThat(answer.status()).isEqualTo(403);
        assertThat(answer.body()).isNotEmpty().containsOnly((byte) 0);
    }

    @Test
    void expiredForeignAndWrongAudienceTokensAnswer401() {
        String expired = sim.accessToken(TENANT, SimulatedService.EXCHANGE, Duration.ofMinutes(-5));
        String foreign = sim.accessToken("fabrikam.onmicrosoft.com", SimulatedService.EXCHANGE);
        String compliance = sim.accessToken(TENANT, SimulatedService.COMPLIANCE);
        String tampered = token.substring(0, token.length() - 4) + (token.endsWith("AAAA") ? "BBBB" : "AAAA");
        for (String bad : new String[] {expired, foreign, compliance, tampered, "not-a-jwt", null}) {
            AdminApiHttp.Answer answer =
                    http.invoke(sim.exchangeUrl(), TENANT, bad, "Get-Mailbox", Map.of("ResultSize", 1));
            assertThat(answer.status()).isEqualTo(401);
            assertThat(answer.header("WWW-Authenticate")).startsWith("Bearer ");
            assertThat(answer.header("x-ms-diagnostics")).contains("reason=");
        }
        assertThat(http.invoke(sim.exchangeUrl(), TENANT, expired, "Get-Mailbox", Map.of())
                        .header("x-ms-diagnostics"))
                .contains("expired");
    }

    @Test
    void theTenantSegmentMayBeTheIdOrADomain() {
        for (String name : List.of(sim.tenantId(TENANT), "contoso.com", "CONTOSO.onmicrosoft.com")) {
            assertThat(http.invoke(sim.exchangeUrl(), name, token, "Get-AcceptedDomain", Map.of())
                            .json()
                            .path("value"))
                    .hasSize(3);
        }
    }

    @Test
    void theModuleFilePublishesTheRsaKeyAsDotNetXml() {
        JsonNode module = http.get(
                        sim.exchangeUrl() + "/adminapi/v1.0/" + TENANT + "/EXOModuleFile?Version=3.9.2", token)
                .json();
        String xml = module.path("value").get(0).path("EncryptionKey").asText();
        Matcher key = Pattern.compile(
                        "<RSAKeyValue><Modulus>([A-Za-z0-9+/=]+)</Modulus><Exponent>AQAB</Exponent></RSAKeyValue>")
                .matcher(xml);
        assertThat(key.matches()).isTrue();
        assertThat(new BigInteger(1, Base64.getDecoder().decode(key.group(1))))
                .isEqualTo(sim.publicKey().getModulus());
        assertThat(sim.publicKey().getModulus().bitLength()).isEqualTo(2048);
        assertThat(module.path("value").get(0).path("exportedCmdlets").asText())
                .contains("Get-Mailbox", "Set-Mailbox", "New-Mailbox")
                .doesNotContain("Get-RetentionCompliancePolicy");
    }

    @Test
    void theJournalRecordsWhoCalledWhatWithoutTheToken() {
        http.invoke(sim.exchangeUrl(), TENANT, token, "Get-OrganizationConfig", Map.of());
        JournalEntry entry = sim.journal().cmdletCalls("Get-OrganizationConfig").get(0);
        assertThat(entry.service()).isEqualTo(SimulatedService.EXCHANGE);
        assertThat(entry.tenantId()).isEqualTo(sim.tenantId(TENANT));
        assertThat(entry.appId()).isEqualTo(sim.defaultApp(TENANT).appId());
        assertThat(entry.tokenId()).isNotBlank();
        assertThat(entry.status()).isEqualTo(200);
        assertThat(entry.header("Authorization")).isEqualTo("Bearer [redacted]");
        assertThat(entry.body()).contains("Get-OrganizationConfig");
    }
}
