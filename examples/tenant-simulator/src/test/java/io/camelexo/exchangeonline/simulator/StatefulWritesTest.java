package io.camelexo.exchangeonline.simulator;

import static io.camelexo.exchangeonline.simulator.AdminApiHttp.JSON;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigInteger;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.spec.RSAPublicKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Cipher;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Writes change what later reads return, per tenant, without touching generated data. */
class StatefulWritesTest {

    private static final String TENANT = "contoso.onmicrosoft.com";
    private static final String OTHER = "fabrikam.onmicrosoft.com";

    @RegisterExtension
    static final TenantSimulatorExtension SIM = new TenantSimulatorExtension(
            TenantSimulator.builder().tenant(TENANT, 300).tenant(OTHER, 300));

    private final AdminApiHttp http = new AdminApiHttp();
    private TenantSimulator sim;
    private String token;

    @BeforeEach
    void signIn() {
        sim = SIM.simulator();
        token = sim.accessToken(TENANT, SimulatedService.EXCHANGE);
    }

    private AdminApiHttp.Answer invoke(String cmdlet, Map<String, Object> parameters) {
        return http.invoke(sim.exchangeUrl(), TENANT, token, cmdlet, parameters);
    }

    private int userMailbox(int from) {
        int index = from;
        while (!"UserMailbox".equals(sim.mailbox(TENANT, index).get("RecipientTypeDetails"))) {
            index++;
        }
        return index;
    }

    @Test
    void setMailboxChangesWhatGetMailboxAndGetExoMailboxReturn() {
        int index = userMailbox(10);
        String upn = sim.mailbox(TENANT, index).get("UserPrincipalName").toString();
        AdminApiHttp.Answer set = invoke(
                "Set-Mailbox",
                Map.of(
                        "Identity",
                        upn,
                        "Type",
                        "Shared",
                        "HiddenFromAddressListsEnabled",
                        true,
                        "ForwardingSmtpAddress",
                        "archive@contoso.com",
                        "CustomAttribute7",
                        "moved"));
        assertThat(set.status()).isEqualTo(200);
        assertThat(set.json().path("value")).isEmpty();

        JsonNode after = invoke("Get-Mailbox", Map.of("Identity", upn))
                .json()
                .path("value")
                .get(0);
        assertThat(after.path("RecipientTypeDetails").asText()).isEqualTo("SharedMailbox");
        assertThat(after.path("IsShared").asBoolean()).isTrue();
        assertThat(after.path("HiddenFromAddressListsEnabled").asBoolean()).isTrue();
        assertThat(after.path("ForwardingSmtpAddress").asText()).isEqualTo("smtp:archive@contoso.com");
        assertThat(after.path("CustomAttribute7").asText()).isEqualTo("moved");
        assertThat(sim.mailbox(TENANT, index))
                .containsEntry("RecipientTypeDetails", "SharedMailbox")
                .containsEntry("HiddenFromAddressListsEnabled", true);
        JsonNode entity = http.get(
                        sim.exchangeUrl() + "/adminapi/beta/" + TENANT + "/Mailbox('"
                                + after.path("ExchangeGuid").asText() + "')",
                        token)
                .json();
        assertThat(entity.path("RecipientTypeDetails").asText()).isEqualTo("SharedMailbox");
        assertThat(sim.mailbox(OTHER, index).get("HiddenFromAddressListsEnabled"))
                .as("tenants are separate")
                .isEqualTo(false);

        invoke("Set-Mailbox", Map.of("Identity", upn, "ForwardingSmtpAddress", (Object) "", "Type", "Regular"));
        JsonNode cleared = invoke("Get-Mailbox", Map.of("Identity", upn))
                .json()
                .path("value")
                .get(0);
        assertThat(cleared.path("ForwardingSmtpAddress").isNull()).isTrue();
        assertThat(cleared.path("RecipientTypeDetails").asText()).isEqualTo("UserMailbox");
    }

    @Test
    void aSetMailboxThatChangesNothingWarns() {
        String alias = sim.mailbox(TENANT, 20).get("Alias").toString();
        JsonNode page = invoke("Set-Mailbox", Map.of("Identity", alias, "HiddenFromAddressListsEnabled", false))
                .json();
        assertThat(page.path("@adminapi.warnings").get(0).asText())
                .isEqualTo("The command completed successfully but no settings of '" + alias + "' have been modified.");
    }

    @Test
    void emailAddressesTakeAnAddRemoveHashtable() {
        String alias = sim.mailbox(TENANT, 21).get("Alias").toString();
        invoke(
                "Set-Mailbox",
                Map.of(
                        "Identity",
                        alias,
                        "EmailAddresses",
                        Map.of(
                                "@odata.type",
                                "#Exchange.GenericHashTable",
                                "Add",
                                List.of("smtp:extra@contoso.com"),
                                "Remove",
                                List.of("smtp:" + alias + "@contoso.onmicrosoft.com"))));
        assertThat(sim.mailbox(TENANT, 21).get("EmailAddresses").toString())
                .contains("smtp:extra@contoso.com")
                .doesNotContain("@contoso.onmicrosoft.com");
        assertThat(sim.findMailbox(TENANT, "extra@contoso.com")).isEqualTo(21);
    }

    @Test
    void newMailboxTakesAnRsaEncryptedPasswordAndTheUserCanSignIn() throws Exception {
        String upn = "nora.new@contoso.com";
        String password = "Spring-2025-secure!";
        JsonNode created = invoke(
                        "New-Mailbox",
                        Map.of(
                                "Name",
                                "Nora New",
                                "Alias",
                                "nora.new",
                                "MicrosoftOnlineServicesID",
                                upn,
                                "Password",
                                encryptWithPublishedKey(password),
                                "FirstName",
                                "Nora",
                                "LastName",
                                "New"))
                .json();
        assertThat(created.path("value").get(0).path("UserPrincipalName").asText())
                .isEqualTo(upn);
        assertThat(created.path("value").get(0).path("Name").asText()).isEqualTo("Nora New");
        assertThat(sim.mailboxCount(TENANT)).isEqualTo(301);
        assertThat(sim.findMailbox(TENANT, upn)).isEqualTo(300);
        assertThat(invoke("Get-Mailbox", Map.of("Identity", "nora.new"))
                        .json()
                        .path("value")
                        .get(0)
                        .path("PrimarySmtpAddress")
                        .asText())
                .isEqualTo("nora.new@contoso.com");

        HttpClient https = HttpClient.newBuilder().sslContext(sim.sslContext()).build();
        String form = "grant_type=password&client_id=fb78d390-0c51-40cd-8e17-fdbfab77341b&username="
                + URLEncoder.encode(upn, StandardCharsets.UTF_8)
                + "&password=" + URLEncoder.encode(password, StandardCharsets.UTF_8)
                + "&scope="
                + URLEncoder.encode(
                        "https://outlook.office365.com/.default offline_access openid profile", StandardCharsets.UTF_8);
        HttpResponse<String> signIn = https.send(
                HttpRequest.newBuilder(URI.create(sim.tokenEndpoint(TENANT)))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(signIn.statusCode()).isEqualTo(200);
        String userToken = JSON.readTree(signIn.body()).path("access_token").asText();
        assertThat(http.invoke(sim.exchangeUrl(), TENANT, userToken, "Get-Mailbox", Map.of("Identity", upn))
                        .status())
                .isEqualTo(200);
        assertThat(sim.journal()
                        .cmdletCalls("Get-Mailbox")
                        .get(sim.journal().cmdletCalls("Get-Mailbox").size() - 1)
                        .user())
                .isEqualTo(upn);
    }

    @Test
    void newMailboxRefusesPlainWeakAndDuplicatePasswordsAndNames() throws Exception {
        assertThat(detailType(invoke(
                        "New-Mailbox",
                        Map.of(
                                "Name",
                                "Plain",
                                "MicrosoftOnlineServicesID",
                                "plain@contoso.com",
                                "Password",
                                "Spring-2025-secure!"))))
                .isEqualTo("System.Security.Cryptography.CryptographicException");
        assertThat(sim.journal().cmdletCalls("New-Mailbox").get(0).body())
                .contains("\"Password\":\"[redacted]\"")
                .doesNotContain("Spring-2025-secure!");
        assertThat(detailType(invoke(
                        "New-Mailbox",
                        Map.of(
                                "Name",
                                "Weak",
                                "MicrosoftOnlineServicesID",
                                "weak@contoso.com",
                                "Password",
                                encryptWithPublishedKey("short")))))
                .isEqualTo("Microsoft.Exchange.Data.Directory.ADInvalidPasswordException");
        String existing = sim.mailbox(TENANT, 5).get("Alias").toString();
        assertThat(detailType(invoke("New-Mailbox", Map.of("Name", existing, "Shared", true))))
                .isEqualTo("Microsoft.Exchange.Data.Directory.ADObjectAlreadyExistsException");
        assertThat(invoke("New-Mailbox", Map.of("Name", "Room 4.12", "Alias", "room412", "Room", true))
                        .status())
                .isEqualTo(200);
    }

    @Test
    void automaticRepliesAreStored() {
        String alias = sim.mailbox(TENANT, 30).get("Alias").toString();
        assertThat(invoke(
                                "Set-MailboxAutoReplyConfiguration",
                                Map.of(
                                        "Identity",
                                        alias,
                                        "AutoReplyState",
                                        "scheduled",
                                        "InternalMessage",
                                        "Back Monday",
                                        "ExternalAudience",
                                        "Known",
                                        "StartTime",
                                        "2025-12-01T08:00:00",
                                        "EndTime",
                                        "2025-12-05T17:00:00Z"))
                        .status())
                .isEqualTo(200);
        JsonNode reply = invoke("Get-MailboxAutoReplyConfiguration", Map.of("Identity", alias))
                .json()
                .path("value")
                .get(0);
        assertThat(reply.path("AutoReplyState").asText()).isEqualTo("Scheduled");
        assertThat(reply.path("InternalMessage").asText()).isEqualTo("Back Monday");
        assertThat(reply.path("ExternalAudience").asText()).isEqualTo("Known");
        assertThat(reply.path("StartTime").asText()).isEqualTo("2025-12-01T08:00:00.0000000+00:00");
        assertThat(reply.path("EndTime").asText()).isEqualTo("2025-12-05T17:00:00.0000000+00:00");
        AdminApiHttp.Answer invalid =
                invoke("Set-MailboxAutoReplyConfiguration", Map.of("Identity", alias, "AutoReplyState", "Sometimes"));
        assertThat(invalid.status()).isEqualTo(400);
        assertThat(invalid.text()).contains("Disabled, Enabled, Scheduled");
    }

    @Test
    void distributionGroupMembershipChanges() {
        JsonNode group = invoke("Get-DistributionGroup", Map.of("ResultSize", 1))
                .json()
                .path("value")
                .get(0);
        String groupAlias = group.path("Alias").asText();
        List<String> before = members(groupAlias);
        int outsider = 0;
        while (before.contains(
                sim.mailbox(TENANT, outsider).get("PrimarySmtpAddress").toString())) {
            outsider++;
        }
        String newMember =
                sim.mailbox(TENANT, outsider).get("PrimarySmtpAddress").toString();
        assertThat(invoke("Add-DistributionGroupMember", Map.of("Identity", groupAlias, "Member", newMember))
                        .status())
                .isEqualTo(200);
        assertThat(members(groupAlias)).contains(newMember).hasSize(before.size() + 1);
        assertThat(sim.groupMembers(TENANT, groupAlias)).contains(newMember);
        assertThat(detailType(
                        invoke("Add-DistributionGroupMember", Map.of("Identity", groupAlias, "Member", newMember))))
                .isEqualTo("Microsoft.Exchange.Management.Tasks.MemberAlreadyExistsException");
        assertThat(invoke("Remove-DistributionGroupMember", Map.of("Identity", groupAlias, "Member", before.get(0)))
                        .status())
                .isEqualTo(200);
        assertThat(members(groupAlias)).doesNotContain(before.get(0));
        assertThat(detailType(invoke(
                        "Remove-DistributionGroupMember", Map.of("Identity", groupAlias, "Member", before.get(0)))))
                .isEqualTo("Microsoft.Exchange.Management.Tasks.MemberNotFoundException");
    }

    @Test
    void aRecipientsGroupsAreFoundWithTheMembersFilter() {
        String groupAlias = invoke("Get-DistributionGroup", Map.of("ResultSize", 1))
                .json()
                .path("value")
                .get(0)
                .path("Alias")
                .asText();
        String member = members(groupAlias).get(0);
        String memberDn = sim.mailbox(TENANT, sim.findMailbox(TENANT, member))
                .get("DistinguishedName")
                .toString();
        Map<String, Object> byMember = Map.of("Filter", "Members -eq '" + memberDn + "'", "ResultSize", "Unlimited");
        List<String> groups = new java.util.ArrayList<>();
        invoke("Get-DistributionGroup", byMember)
                .json()
                .path("value")
                .forEach(g -> groups.add(g.path("Alias").asText()));
        assertThat(groups).contains(groupAlias);
        groups.forEach(alias -> assertThat(members(alias)).contains(member));

        assertThat(invoke("Remove-DistributionGroupMember", Map.of("Identity", groupAlias, "Member", member))
                        .status())
                .isEqualTo(200);
        List<String> after = new java.util.ArrayList<>();
        invoke("Get-DistributionGroup", byMember)
                .json()
                .path("value")
                .forEach(g -> after.add(g.path("Alias").asText()));
        assertThat(after).doesNotContain(groupAlias).hasSize(groups.size() - 1);
    }

    private List<String> members(String group) {
        List<String> members = new ArrayList<>();
        invoke("Get-DistributionGroupMember", Map.of("Identity", group, "ResultSize", "Unlimited"))
                .json()
                .path("value")
                .forEach(member -> members.add(member.path("PrimarySmtpAddress").asText()));
        return members;
    }

    @Test
    void addMailboxPermissionShowsInGetMailboxPermission() {
        String shared = sim.mailbox(TENANT, 40).get("Alias").toString();
        String delegate =
                sim.mailbox(TENANT, userMailbox(41)).get("UserPrincipalName").toString();
        JsonNode added = invoke(
                        "Add-MailboxPermission",
                        Map.of(
                                "Identity",
                                shared,
                                "User",
                                delegate,
                                "AccessRights",
                                List.of("FullAccess"),
                                "InheritanceType",
                                "All",
                                "AutoMapping",
                                false))
                .json()
                .path("value")
                .get(0);
        assertThat(added.path("User").asText()).isEqualTo(delegate);
        assertThat(added.path("AccessRights").get(0).asText()).isEqualTo("FullAccess");
        JsonNode permissions = invoke("Get-MailboxPermission", Map.of("Identity", shared, "User", delegate))
                .json()
                .path("value");
        assertThat(permissions).hasSize(1);
        assertThat(invoke(
                                "Add-MailboxPermission",
                                Map.of("Identity", shared, "User", delegate, "AccessRights", "Everything"))
                        .status())
                .isEqualTo(400);
    }

    @Test
    void removeMobileDeviceTakesTheDeviceAway() {
        String owner = null;
        JsonNode device = null;
        for (int index = 0; device == null; index++) {
            owner = sim.mailbox(TENANT, index).get("Alias").toString();
            JsonNode devices =
                    invoke("Get-MobileDevice", Map.of("Mailbox", owner)).json().path("value");
            device = devices.isEmpty() ? null : devices.get(0);
        }
        String identity = device.path("Identity").asText();
        assertThat(identity).startsWith(owner + "\\ExchangeActiveSyncDevices\\");
        assertThat(invoke("Remove-MobileDevice", Map.of("Identity", identity, "Confirm", false))
                        .status())
                .isEqualTo(200);
        JsonNode after =
                invoke("Get-MobileDevice", Map.of("Mailbox", owner)).json().path("value");
        after.forEach(
                remaining -> assertThat(remaining.path("Identity").asText()).isNotEqualTo(identity));
        assertThat(invoke("Remove-MobileDevice", Map.of("Identity", identity)).status())
                .isEqualTo(404);
    }

    @Test
    void aMailboxConvertedToSharedKeepsItsDevices() {
        String owner = null;
        int devices = 0;
        for (int index = 0; devices == 0; index++) {
            owner = sim.mailbox(TENANT, index).get("Alias").toString();
            devices = invoke("Get-MobileDevice", Map.of("Mailbox", owner))
                    .json()
                    .path("value")
                    .size();
        }
        assertThat(invoke("Set-Mailbox", Map.of("Identity", owner, "Type", "Shared"))
                        .status())
                .isEqualTo(200);
        assertThat(invoke("Get-MobileDevice", Map.of("Mailbox", owner)).json().path("value"))
                .hasSize(devices);
    }

    @Test
    void theExtensionInjectsTheSimulator(TenantSimulator injected) {
        assertThat(injected).isSameAs(sim);
    }

    private static String detailType(AdminApiHttp.Answer answer) {
        assertThat(answer.status()).isEqualTo(400);
        try {
            return JSON.readTree(answer.json()
                            .path("error")
                            .path("details")
                            .get(0)
                            .path("message")
                            .asText())
                    .path("TypeName")
                    .asText();
        } catch (Exception e) {
            throw new AssertionError(answer.text(), e);
        }
    }

    /**
     * What a client does (docs/admin-api.md, "SecureString and PSCredential parameters"): read the .NET XML key from
     * EXOModuleFile, PKCS#1 v1.5, standard Base64.
     */
    private String encryptWithPublishedKey(String clear) throws Exception {
        String xml = http.get(sim.exchangeUrl() + "/adminapi/v1.0/" + TENANT + "/EXOModuleFile", token)
                .json()
                .path("value")
                .get(0)
                .path("EncryptionKey")
                .asText();
        Matcher parts = Pattern.compile("<Modulus>(.+)</Modulus><Exponent>(.+)</Exponent>")
                .matcher(xml);
        assertThat(parts.find()).isTrue();
        PublicKey key = KeyFactory.getInstance("RSA")
                .generatePublic(new RSAPublicKeySpec(
                        new BigInteger(1, Base64.getDecoder().decode(parts.group(1))),
                        new BigInteger(1, Base64.getDecoder().decode(parts.group(2)))));
        Cipher cipher = Cipher.getInstance("RSA/ECB/PKCS1Padding");
        cipher.init(Cipher.ENCRYPT_MODE, key);
        String encrypted = Base64.getEncoder().encodeToString(cipher.doFinal(clear.getBytes(StandardCharsets.UTF_8)));
        assertThat(encrypted).hasSize(344);
        return encrypted;
    }
}
