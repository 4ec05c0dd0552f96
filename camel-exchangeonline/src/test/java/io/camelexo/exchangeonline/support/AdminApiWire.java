package io.camelexo.exchangeonline.support;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * Response bodies in the Admin API's wire shapes (docs/admin-api.md, "The InvokeCommand call", "Paging", "Errors"):
 * OData annotations on the envelope and on each record, warnings, nextLinks and the three error-detail formats.
 */
public final class AdminApiWire {

    public static final ObjectMapper JSON = new ObjectMapper();
    public static final String MORE_RESULTS = "There are more results available than are currently displayed. "
            + "To view them, increase the value for the ResultSize parameter.";

    private AdminApiWire() {}

    /** A Get-Mailbox record with the annotations the service adds; padding makes it about paddingBytes larger. */
    public static ObjectNode mailbox(int index, int paddingBytes) {
        ObjectNode m = JSON.createObjectNode();
        String alias = "user" + index;
        m.put("Identity", alias);
        m.put("Name", alias);
        m.put("DisplayName", "User " + index);
        m.put("UserPrincipalName", alias + "@contoso.com");
        m.put("PrimarySmtpAddress", alias + "@contoso.com");
        m.put("EmailAddresses@odata.type", "#Collection(String)");
        m.putArray("EmailAddresses")
                .add("SMTP:" + alias + "@contoso.com")
                .add("smtp:" + alias + "@contoso.onmicrosoft.com");
        m.put("RecipientTypeDetails", "UserMailbox");
        m.put("ExchangeGuid@data.type", "System.Guid");
        m.put("ExchangeGuid@odata.type", "#Guid");
        m.put("ExchangeGuid", String.format("00000000-0000-0000-0000-%012d", index));
        m.put("ProhibitSendQuota", "99 GB (106,300,440,576 bytes)");
        m.put("RecipientSoftDeletedStatus@data.type", "System.Int32");
        m.put("RecipientSoftDeletedStatus", 0);
        m.put("WhenChanged@data.type", "System.DateTime");
        m.put("WhenChanged", "2025-10-17T13:02:51.0000000+00:00");
        if (paddingBytes > 0) {
            m.put("Notes", "x".repeat(paddingBytes));
        }
        return m;
    }

    /** An InvokeCommand page envelope. */
    public static String page(List<ObjectNode> records, String nextLink, List<String> warnings) {
        ObjectNode envelope = JSON.createObjectNode();
        envelope.put(
                "@odata.context",
                "https://outlook.office365.com/adminapi/beta/contoso/$metadata#Collection(Exchange.GenericHashTable)");
        envelope.put("adminapi.warnings@odata.type", "#Collection(String)");
        ArrayNode warningArray = envelope.putArray("@adminapi.warnings");
        warnings.forEach(warningArray::add);
        if (nextLink != null) {
            envelope.put("@odata.nextLink", nextLink);
        }
        ArrayNode value = envelope.putArray("value");
        records.forEach(value::add);
        return envelope.toString();
    }

    /**
     * The InvokeCommand path answers pages of mailboxes linked by $skiptoken nextLinks, each page but the last with the
     * "more results" warning, as the service sends them.
     */
    public static void stubInvokePages(WireMockServer exo, String invokePath, int pages, int perPage) {
        for (int p = 1; p <= pages; p++) {
            var request = post(urlPathEqualTo(invokePath));
            request = p == 1
                    ? request.withQueryParam("$skiptoken", absent())
                    : request.withQueryParam("$skiptoken", equalTo(String.valueOf(p)));
            String next = p < pages ? exo.baseUrl() + invokePath + "?$skiptoken=" + (p + 1) : null;
            exo.stubFor(request.willReturn(aResponse()
                    .withHeader("Content-Type", "application/json")
                    .withBody(page(
                            mailboxes((p - 1) * perPage, perPage),
                            next,
                            next != null ? List.of(MORE_RESULTS) : List.of()))));
        }
    }

    public static List<ObjectNode> mailboxes(int from, int count) {
        return java.util.stream.IntStream.range(from, from + count)
                .mapToObj(i -> mailbox(i, 0))
                .toList();
    }

    /** Error envelope whose details[0].message is given verbatim (one of the three formats). */
    public static String error(String code, String detailMessage, String innerType) {
        ObjectNode root = JSON.createObjectNode();
        ObjectNode error = root.putObject("error");
        error.put("code", code);
        error.put("message", "Error executing cmdlet");
        if (detailMessage != null) {
            ObjectNode detail = error.putArray("details").addObject();
            detail.put("code", "Context");
            detail.put("target", "");
            detail.put("message", detailMessage);
        }
        ObjectNode inner = error.putObject("innererror");
        inner.put("message", "Error executing cmdlet");
        inner.put("type", innerType);
        return root.toString();
    }

    /** An unsigned JWT with the given claims (the service is faked; only the claims matter to the client). */
    public static String jwt(Map<String, Object> claims) {
        try {
            Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
            return b64.encodeToString("{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8)) + "."
                    + b64.encodeToString(JSON.writeValueAsBytes(claims)) + ".c2ln";
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** A fresh RSA key pair, as the service holds for SecureString parameters. */
    public static java.security.KeyPair rsaKeyPair() {
        try {
            java.security.KeyPairGenerator generator = java.security.KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The public half as the module embeds it: .NET XML with Base64 modulus and exponent. */
    public static String keyXml(java.security.KeyPair keys) {
        java.security.interfaces.RSAPublicKey key = (java.security.interfaces.RSAPublicKey) keys.getPublic();
        return "<RSAKeyValue><Modulus>"
                + Base64.getEncoder().encodeToString(key.getModulus().toByteArray())
                + "</Modulus><Exponent>AQAB</Exponent></RSAKeyValue>";
    }

    /** An app-only token for tenant contoso valid for an hour. */
    public static String appToken(String tenantId) {
        return jwt(Map.of(
                "tid",
                tenantId,
                "appid",
                "11111111-2222-3333-4444-555555555555",
                "exp",
                System.currentTimeMillis() / 1000 + 3600,
                "roles",
                List.of("Exchange.ManageAsApp")));
    }
}
