package io.camelexo.exchangeonline.adminapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Parameter encoding, Get-EXO* routes, service locations and redirects, ResultSize: docs/admin-api.md, "The InvokeCommand
 * call", "Get-EXO* entity routes", "Hosts and clouds", "Security &amp; Compliance redirect", "Paging".
 */
class RequestShapeTest {

    @Test
    void parametersAreEncodedAsTheModuleDoes() {
        Map<String, Object> parameters = new LinkedHashMap<>();
        parameters.put("Identity", "a.meyer@contoso.com");
        parameters.put("LitigationHoldEnabled", true);
        parameters.put("ResultSize", 5);
        parameters.put("AuditOwner", List.of("MailboxLogin", "HardDelete"));
        parameters.put("EmailAddresses", Map.of("Add", List.of("smtp:andrea@contoso.com")));
        parameters.put("Rules", List.of(Map.of("Name", "r1")));
        parameters.put("StartTime", OffsetDateTime.of(2025, 3, 1, 10, 0, 0, 0, ZoneOffset.ofHours(2)));
        parameters.put("EndDate", LocalDate.of(2025, 3, 2));
        parameters.put("RetainDeletedItemsFor", Duration.ofDays(30));
        parameters.put("Skipped", null);
        ObjectNode json = ParameterEncoder.encodeParameters(parameters, () -> {
            throw new AssertionError("no SecureString here: the key must not be fetched");
        });
        assertThat(json.toString())
                .isEqualTo(
                        "{\"Identity\":\"a.meyer@contoso.com\",\"LitigationHoldEnabled\":true,\"ResultSize\":5,"
                                + "\"AuditOwner\":[\"MailboxLogin\",\"HardDelete\"],"
                                + "\"EmailAddresses\":{\"@odata.type\":\"#Exchange.GenericHashTable\",\"Add\":[\"smtp:andrea@contoso.com\"]},"
                                + "\"Rules@odata.type\":\"#Collection(Exchange.GenericHashTable)\",\"Rules\":[{\"@odata.type\":\"#Exchange.GenericHashTable\",\"Name\":\"r1\"}],"
                                + "\"StartTime\":\"2025-03-01T08:00:00\",\"EndDate\":\"2025-03-02T00:00:00\",\"RetainDeletedItemsFor\":\"30.00:00:00\"}");
    }

    @Test
    void secureStringsAndCredentialsAreEncryptedAndNeverPrinted() throws Exception {
        java.security.KeyPair keys = io.camelexo.exchangeonline.support.AdminApiWire.rsaKeyPair();
        SecureStringKey secureStringKey =
                SecureStringKey.find(io.camelexo.exchangeonline.support.AdminApiWire.keyXml(keys));
        Map<String, Object> parameters = new LinkedHashMap<>();
        parameters.put("Password", "Plain-But-Secure");
        parameters.put("Credential", new ExoPSCredential("svc@contoso.com", "Cred-Pass"));
        parameters.put("EmptyPassword", ExoSecureString.of(""));
        ObjectNode json = ParameterEncoder.encodeParameters(parameters, () -> secureStringKey);
        javax.crypto.Cipher rsa = javax.crypto.Cipher.getInstance("RSA/ECB/PKCS1Padding");
        rsa.init(javax.crypto.Cipher.DECRYPT_MODE, keys.getPrivate());
        assertThat(new String(rsa.doFinal(java.util.Base64.getDecoder()
                        .decode(json.path("Password").asText()))))
                .isEqualTo("Plain-But-Secure");
        assertThat(new String(rsa.doFinal(java.util.Base64.getDecoder()
                        .decode(json.path("Credential").asText()))))
                .isEqualTo("{\"UserName\":\"svc@contoso.com\",\"Password\":\"Cred-Pass\"}");
        assertThat(json.path("EmptyPassword").asText()).isEmpty();
        assertThat(parameters.toString()).doesNotContain("Cred-Pass");
        assertThat(ExoSecureString.of("x-secret").toString()).doesNotContain("x-secret");
    }

    @Test
    void getExoRoutes() {
        assertThat(EntityRoutes.firstPage(request(
                        "Get-EXOMailbox",
                        Map.of(
                                "PropertySets",
                                List.of("Minimum", "Quota"),
                                "Filter",
                                "RecipientTypeDetails eq 'SharedMailbox'"),
                        List.of())))
                .isEqualTo(
                        "Mailbox?PropertySet=Minimum%2CQuota&$filter=RecipientTypeDetails%20eq%20%27SharedMailbox%27");
        assertThat(EntityRoutes.firstPage(request(
                        "Get-EXOMailbox",
                        Map.of("Identity", "anna@contoso.com", "Properties", "DisplayName,Alias"),
                        List.of())))
                .isEqualTo("Mailbox('YW5uYUBjb250b3NvLmNvbQ%3D%3D')?isEncoded=true&$select=DisplayName%2CAlias");
        assertThat(EntityRoutes.firstPage(request(
                        "Get-EXOMailboxStatistics", Map.of("UserPrincipalName", "anna@contoso.com"), List.of())))
                .isEqualTo("Mailbox('YW5uYUBjb250b3NvLmNvbQ%3D%3D')/Exchange.GetMailboxStatistics()?isEncoded=true");
        assertThat(EntityRoutes.firstPage(request(
                        "Get-EXOMailboxFolderPermission",
                        Map.of("Identity", "anna@contoso.com:\\Calendar"),
                        List.of())))
                .isEqualTo(
                        "Mailbox('YW5uYUBjb250b3NvLmNvbQ%3D%3D')/MailboxFolder('Q2FsZW5kYXI%3D')/MailboxFolderPermission?isEncoded=true");
        assertThat(EntityRoutes.firstPage(request(
                        "Get-EXORecipient",
                        Map.of("RecipientTypeDetails", "UserMailbox", "ResultSize", "Unlimited"),
                        List.of("Alias"))))
                .isEqualTo("Recipient?$select=Alias&RecipientTypeDetails=UserMailbox");
        assertThatThrownBy(() -> EntityRoutes.firstPage(request("Get-EXOMailboxPermission", Map.of(), List.of())))
                .hasMessageContaining("needs Identity");
    }

    @Test
    void serviceHostsComeFromTheCloudTable() {
        ServiceLocation exo = ServiceLocation.of(
                ExoEnvironment.O365USGovGCCHigh, ExoService.EXCHANGE, null, "contoso.onmicrosoft.us");
        assertThat(exo.resolve("InvokeCommand"))
                .hasToString("https://outlook.office365.us/adminapi/beta/contoso.onmicrosoft.us/InvokeCommand");
        ServiceLocation legacyUri = ServiceLocation.of(
                ExoEnvironment.O365Default,
                ExoService.EXCHANGE,
                "https://outlook.office365.com/powershell-liveid/",
                "t");
        assertThat(legacyUri.resolve("InvokeCommand"))
                .hasToString("https://outlook.office365.com/adminapi/beta/t/InvokeCommand");
    }

    @Test
    void sccRedirectKeepsThePrefixOnTheServiceHost() {
        ServiceLocation scc =
                ServiceLocation.of(ExoEnvironment.O365Default, ExoService.COMPLIANCE, null, "contoso.onmicrosoft.com");
        URI first = scc.resolve("InvokeCommand");
        URI pinned = scc.pinRedirect(URI.create(
                "https://nam12b.admin.protection.outlook.com:446/adminapi/beta/contoso.onmicrosoft.com/InvokeCommand"));
        assertThat(pinned).hasToString("https://nam12b.ps.compliance.protection.outlook.com");
        assertThat(scc.rebase(first))
                .hasToString(
                        "https://nam12b.ps.compliance.protection.outlook.com/adminapi/beta/contoso.onmicrosoft.com/InvokeCommand");
        assertThat(scc.resolve("InvokeCommand").getHost()).isEqualTo("nam12b.ps.compliance.protection.outlook.com");
    }

    @Test
    void theTokenOnlyFollowsNextLinksOfTheService() {
        ServiceLocation exo = ServiceLocation.of(ExoEnvironment.O365Default, ExoService.EXCHANGE, null, "t");
        assertThat(exo.isServiceUri(
                        URI.create("https://outlook.office365.com/adminapi/beta/t/InvokeCommand?$skiptoken=2")))
                .isTrue();
        assertThat(exo.isServiceUri(URI.create("https://eur02.outlook.office365.com/adminapi/beta/t/InvokeCommand")))
                .isTrue();
        assertThat(exo.isServiceUri(URI.create("http://outlook.office365.com/adminapi/beta/t/InvokeCommand")))
                .isFalse();
        assertThat(exo.isServiceUri(URI.create("https://evil.example/adminapi/beta/t/InvokeCommand")))
                .isFalse();
        assertThat(exo.isServiceUri(URI.create("https://outlook.office365.com.evil.example/x")))
                .isFalse();
        assertThat(exo.isServiceUri(URI.create("https://outlook.office365.com:8443/x")))
                .isFalse();
    }

    @Test
    void resultSizeSemantics() {
        assertThat(ResultLimit.parse(null).wantsAnotherPage(1000)).isFalse();
        assertThat(ResultLimit.parse("unlimited").wantsAnotherPage(1_000_000)).isTrue();
        ResultLimit fifteenHundred = ResultLimit.parse("1500");
        assertThat(fifteenHundred.preferredPageSize(1000, 0)).isEqualTo(1000);
        assertThat(fifteenHundred.preferredPageSize(1000, 1000)).isEqualTo(500);
        assertThat(fifteenHundred.wantsAnotherPage(1500)).isFalse();
        assertThatThrownBy(() -> ResultLimit.parse("-3"))
                .hasMessageContaining("ResultSize must be Unlimited or a positive whole number");
    }

    @Test
    void readCmdletsAreRecognised() {
        assertThat(request("Get-EXOMailbox", Map.of(), List.of()).isRead()).isTrue();
        assertThat(request("search-UnifiedAuditLog", Map.of(), List.of()).isRead())
                .isTrue();
        assertThat(request("Test-OAuthConnectivity", Map.of(), List.of()).isRead())
                .isTrue();
        assertThat(request("Set-Mailbox", Map.of(), List.of()).isRead()).isFalse();
        assertThat(request("New-Mailbox", Map.of(), List.of()).isRead()).isFalse();
    }

    private static CmdletRequest request(String cmdlet, Map<String, Object> parameters, List<String> select) {
        return new CmdletRequest(cmdlet, parameters, select, 1000);
    }
}
