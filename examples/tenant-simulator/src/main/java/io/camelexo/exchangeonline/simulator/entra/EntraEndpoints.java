package io.camelexo.exchangeonline.simulator.entra;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.camelexo.exchangeonline.simulator.adminapi.Workload;
import io.camelexo.exchangeonline.simulator.server.Handler;
import io.camelexo.exchangeonline.simulator.server.SimRequest;
import io.camelexo.exchangeonline.simulator.server.SimResponse;
import io.camelexo.exchangeonline.simulator.tenant.Tenant;
import io.camelexo.exchangeonline.simulator.tenant.Tenants;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The Entra ID endpoints msal4j computes from an authority {@code https://host:port/{tenant}/}:
 * token (client credentials with secret or assertion, device code, password, refresh token), device code,
 * user realm (always /common), instance discovery and OpenID metadata; plus /common/oauth2/deviceauth, where a
 * person (or curl) completes a device-code sign-in.
 */
public final class EntraEndpoints implements Handler {

    private static final Set<String> MULTI_TENANT_SEGMENTS = Set.of("organizations", "common");
    private static final Set<String> OIDC_SCOPES = Set.of("openid", "profile", "offline_access", "email");
    private static final Duration DEVICE_CODE_VALIDITY = Duration.ofMinutes(15);

    private final Tenants tenants;
    private final Directory directory;
    private final TokenService tokens;
    private final Duration deviceCodeInterval;
    private final DeviceLogins deviceLogins = new DeviceLogins();

    public EntraEndpoints(Tenants tenants, Directory directory, TokenService tokens, Duration deviceCodeInterval) {
        this.tenants = tenants;
        this.directory = directory;
        this.tokens = tokens;
        this.deviceCodeInterval = deviceCodeInterval;
    }

    @Override
    public SimResponse handle(SimRequest request) {
        List<String> path = segments(request.rawPath());
        String route = String.join("/", path.subList(Math.min(1, path.size()), path.size()))
                .toLowerCase(Locale.ROOT);
        String first = path.isEmpty() ? "" : path.get(0);
        SimResponse response;
        try {
            response = switch (request.method() + " " + route) {
                case "POST oauth2/v2.0/token" -> token(request, first);
                case "POST oauth2/v2.0/devicecode" -> deviceCode(request, first);
                case "POST oauth2/deviceauth" -> deviceAuth(request);
                case "GET discovery/instance" -> instanceDiscovery(request);
                case "GET v2.0/.well-known/openid-configuration" ->
                    json(200, openIdConfiguration(request.baseUrl(), first));
                case "GET discovery/v2.0/keys" -> json(200, tokens.jwks());
                default ->
                    path.size() == 3
                                    && route.startsWith("userrealm/")
                                    && request.method().equals("GET")
                            ? userRealm(path.get(2))
                            : new AadError(
                                            404,
                                            "invalid_request",
                                            900561,
                                            "The endpoint " + request.method() + " " + request.rawPath()
                                                    + " does not exist on this (simulated) Entra ID.")
                                    .toResponse();
            };
        } catch (AadError e) {
            response = e.toResponse();
        }
        String requestId = request.header("client-request-id");
        if (requestId != null) {
            response.header("client-request-id", requestId);
        }
        return response;
    }

    /** The Java API's stand-in for a person entering the user code (device-code flow). */
    public void completeDeviceLogin(String userCode, String userPrincipalName) {
        DeviceLogins.Pending pending = deviceLogins.byUserCode(userCode);
        if (pending == null) {
            throw new IllegalArgumentException("No device login is waiting for user code " + userCode);
        }
        Tenant tenant = pending.authorityTenant != null
                ? pending.authorityTenant
                : tenants.all().get(0);
        Directory.User user =
                directory.user(userPrincipalName != null ? userPrincipalName : tenant.adminUserPrincipalName());
        if (user == null) {
            throw new IllegalArgumentException("No account " + userPrincipalName + " exists in the simulator");
        }
        if (pending.authorityTenant != null && user.tenant() != pending.authorityTenant) {
            throw new IllegalArgumentException(
                    userPrincipalName + " is not an account of " + pending.authorityTenant.initialDomain());
        }
        pending.signedIn = user;
    }

    // ---------------------------------------------------------------- token endpoint

    private SimResponse token(SimRequest request, String tenantSegment) {
        Map<String, String> form = request.formFields();
        Tenant authorityTenant = authorityTenant(tenantSegment);
        String clientId = required(form, "client_id");
        request.note()
                .caller(
                        authorityTenant != null ? authorityTenant.tenantId().toString() : null,
                        clientId,
                        form.get("username"),
                        null);
        String grant = required(form, "grant_type");
        return switch (grant) {
            case "client_credentials" -> clientCredentials(request, form, authorityTenant, tenantSegment, clientId);
            case "device_code", "urn:ietf:params:oauth:grant-type:device_code" ->
                deviceCodeRedemption(request, form, clientId);
            case "password" -> passwordGrant(request, form, authorityTenant, clientId);
            case "refresh_token" -> refreshGrant(request, form, clientId);
            default ->
                throw new AadError(
                        400,
                        "unsupported_grant_type",
                        70003,
                        "The app requested an unsupported grant type '" + grant + "'.");
        };
    }

    private SimResponse clientCredentials(
            SimRequest request, Map<String, String> form, Tenant tenant, String tenantSegment, String clientId) {
        if (tenant == null) {
            throw new AadError(
                    400,
                    "invalid_request",
                    900023,
                    "Specified tenant identifier '" + tenantSegment
                            + "' is neither a valid DNS name, nor a valid external domain.");
        }
        Directory.App app = requireApp(tenant, clientId);
        String appIdAcr;
        if (form.containsKey("client_secret")) {
            if (!app.hasSecret(form.get("client_secret"))) {
                throw new AadError(
                        401,
                        "invalid_client",
                        7000215,
                        "Invalid client secret provided. Ensure the secret being sent in the request "
                                + "is the client secret value, not the client secret ID, for a secret added to app '"
                                + clientId + "'.");
            }
            appIdAcr = "1";
        } else if (form.containsKey("client_assertion")) {
            if (!"urn:ietf:params:oauth:client-assertion-type:jwt-bearer".equals(form.get("client_assertion_type"))) {
                throw new AadError(
                        400,
                        "invalid_request",
                        50027,
                        "Invalid client_assertion_type; expected "
                                + "urn:ietf:params:oauth:client-assertion-type:jwt-bearer.");
            }
            String host = request.baseUrl().substring(request.baseUrl().indexOf("://") + 3);
            ClientAssertions.Rejection rejection =
                    ClientAssertions.check(form.get("client_assertion"), app, clientId, host, request.rawPath());
            if (rejection != null) {
                throw new AadError(401, "invalid_client", rejection.code(), rejection.description());
            }
            appIdAcr = "2";
        } else {
            throw new AadError(
                    401,
                    "invalid_client",
                    7000218,
                    "The request body must contain the following parameter: "
                            + "'client_assertion' or 'client_secret'.");
        }
        String scope = resourceScope(form, tenant, true);
        String accessToken = tokens.appToken(tenant, app, audience(scope), appIdAcr, tokens.lifetime());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("token_type", "Bearer");
        body.put("expires_in", tokens.lifetime().toSeconds());
        body.put("ext_expires_in", tokens.lifetime().toSeconds());
        body.put("access_token", accessToken);
        return json(200, body);
    }

    private SimResponse deviceCodeRedemption(SimRequest request, Map<String, String> form, String clientId) {
        DeviceLogins.Pending pending = deviceLogins.byDeviceCode(required(form, "device_code"));
        if (pending == null) {
            throw new AadError(
                    400, "invalid_grant", 70000, "The provided value for the 'device_code' parameter is not valid.");
        }
        if (!pending.clientId.equalsIgnoreCase(clientId)) {
            throw new AadError(400, "invalid_grant", 70000, "The device code was issued to a different client.");
        }
        if (pending.expires.isBefore(Instant.now())) {
            deviceLogins.finish(pending);
            throw new AadError(
                    400,
                    "expired_token",
                    70020,
                    "The provided value for the input parameter 'device_code' is not valid. "
                            + "This device code has expired.");
        }
        Directory.User user = pending.signedIn;
        if (user == null) {
            throw new AadError(
                    400,
                    "authorization_pending",
                    70016,
                    "OAuth 2.0 device flow error. Authorization is pending. Continue polling.");
        }
        deviceLogins.finish(pending);
        return userTokens(request, user, clientId, pending.resourceScope);
    }

    private SimResponse passwordGrant(
            SimRequest request, Map<String, String> form, Tenant authorityTenant, String clientId) {
        Directory.User user = directory.user(required(form, "username"));
        if (user == null || !user.password().equals(form.get("password"))) {
            throw new AadError(
                    400, "invalid_grant", 50126, "Error validating credentials due to invalid username or password.");
        }
        if (authorityTenant != null && user.tenant() != authorityTenant) {
            throw new AadError(
                    400,
                    "invalid_grant",
                    50034,
                    "The user account does not exist in the " + authorityTenant.initialDomain()
                            + " directory. To sign into this application, the account must be added to the directory.");
        }
        Directory.App app = requireApp(user.tenant(), clientId);
        if (form.containsKey("client_secret") && !app.hasSecret(form.get("client_secret"))) {
            throw new AadError(401, "invalid_client", 7000215, "Invalid client secret provided.");
        }
        return userTokens(request, user, clientId, resourceScope(form, user.tenant(), false));
    }

    private SimResponse refreshGrant(SimRequest request, Map<String, String> form, String clientId) {
        TokenService.RefreshGrant grant = tokens.redeem(required(form, "refresh_token"));
        if (grant == null) {
            throw new AadError(
                    400,
                    "invalid_grant",
                    70008,
                    "The provided authorization code or refresh token has expired due to inactivity. "
                            + "Send a new interactive authorization request for this user and resource.");
        }
        if (!grant.clientId().equalsIgnoreCase(clientId)) {
            throw new AadError(400, "invalid_grant", 70000, "The refresh token was issued to a different client.");
        }
        return userTokens(request, grant.user(), clientId, resourceScope(form, grant.tenant(), false));
    }

    /** A delegated answer with everything msal4j needs for an account: id_token and client_info. */
    private SimResponse userTokens(SimRequest request, Directory.User user, String clientId, String scope) {
        Directory.App app = requireApp(user.tenant(), clientId);
        request.note().caller(user.tenant().tenantId().toString(), clientId, user.userPrincipalName(), null);
        String clientInfo = "{\"uid\":\"" + user.objectId() + "\",\"utid\":\""
                + user.tenant().tenantId() + "\"}";
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("token_type", "Bearer");
        body.put("scope", scope + " openid profile offline_access");
        body.put("expires_in", tokens.lifetime().toSeconds());
        body.put("ext_expires_in", tokens.lifetime().toSeconds());
        body.put("access_token", tokens.userToken(user, clientId, app.displayName, audience(scope)));
        body.put("refresh_token", tokens.refreshToken(user.tenant(), clientId, user));
        body.put("id_token", tokens.idToken(user, clientId, request.baseUrl()));
        body.put(
                "client_info",
                Base64.getUrlEncoder().withoutPadding().encodeToString(clientInfo.getBytes(StandardCharsets.UTF_8)));
        return json(200, body);
    }

    // ---------------------------------------------------------------- device code

    private SimResponse deviceCode(SimRequest request, String tenantSegment) {
        Map<String, String> form = request.formFields();
        Tenant tenant = authorityTenant(tenantSegment);
        String clientId = required(form, "client_id");
        request.note().caller(tenant != null ? tenant.tenantId().toString() : null, clientId, null, null);
        if (tenant != null) {
            requireApp(tenant, clientId);
        } else if (tenants.all().stream().noneMatch(candidate -> directory.app(candidate, clientId, false) != null)) {
            throw new AadError(
                    400,
                    "unauthorized_client",
                    700016,
                    "Application with identifier '" + clientId + "' was not found in any directory.");
        }
        DeviceLogins.Pending pending =
                deviceLogins.start(clientId, tenant, resourceScope(form, tenant, false), DEVICE_CODE_VALIDITY);
        String verificationUri = request.baseUrl() + "/common/oauth2/deviceauth";
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("user_code", pending.userCode);
        body.put("device_code", pending.deviceCode);
        body.put("verification_uri", verificationUri);
        body.put("expires_in", DEVICE_CODE_VALIDITY.toSeconds());
        body.put("interval", deviceCodeInterval.toSeconds());
        body.put(
                "message",
                "To sign in, use a web browser to open the page " + verificationUri + " and enter the code "
                        + pending.userCode + " to authenticate.");
        return json(200, body);
    }

    /** A person completes a device sign-in: form fields user_code and, optionally, username (else the tenant's admin). */
    private SimResponse deviceAuth(SimRequest request) {
        Map<String, String> form = request.formFields();
        try {
            completeDeviceLogin(required(form, "user_code"), form.get("username"));
        } catch (IllegalArgumentException e) {
            return SimResponse.of(
                    400, "text/plain; charset=utf-8", e.getMessage().getBytes(StandardCharsets.UTF_8));
        }
        return SimResponse.of(
                200,
                "text/plain; charset=utf-8",
                "You have signed in on your device. You may now close this window.".getBytes(StandardCharsets.UTF_8));
    }

    // ---------------------------------------------------------------- metadata

    private SimResponse userRealm(String upn) {
        Tenant tenant = tenants.ofUser(upn);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("ver", "1.0");
        if (tenant == null) {
            body.put("account_type", "Unknown");
        } else {
            body.put("account_type", "Managed");
            body.put("domain_name", upn.substring(upn.indexOf('@') + 1).toLowerCase(Locale.ROOT));
            body.put("cloud_audience_urn", "urn:federation:MicrosoftOnline");
        }
        body.put("cloud_instance_name", "microsoftonline.com");
        return json(200, body);
    }

    /** msal4j's instance metadata with the port as an alias, so that its cache and refresh keep the port. */
    private SimResponse instanceDiscovery(SimRequest request) {
        String authorization = request.queryOption("authorization_endpoint");
        String tenant = "common";
        if (authorization != null) {
            List<String> path = segments(URI.create(authorization).getRawPath());
            tenant = path.isEmpty() ? tenant : path.get(0);
        }
        return json(200, instanceMetadata(request.baseUrl(), tenant));
    }

    /** The discovery answer for this Entra's base URL; also what {@code aadInstanceDiscoveryResponse(...)} takes. */
    public static Map<String, Object> instanceMetadata(String baseUrl, String tenant) {
        URI base = URI.create(baseUrl);
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("preferred_network", base.getHost());
        metadata.put("preferred_cache", base.getHost() + ":" + base.getPort());
        metadata.put("aliases", List.of(base.getHost(), base.getHost() + ":" + base.getPort()));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("tenant_discovery_endpoint", baseUrl + "/" + tenant + "/v2.0/.well-known/openid-configuration");
        body.put("api-version", "1.1");
        body.put("metadata", List.of(metadata));
        return body;
    }

    private Map<String, Object> openIdConfiguration(String baseUrl, String tenantSegment) {
        Tenant tenant = tenants.find(tenantSegment);
        String issuerTenant = tenant != null ? tenant.tenantId().toString() : "{tenantid}";
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("token_endpoint", baseUrl + "/" + tenantSegment + "/oauth2/v2.0/token");
        body.put(
                "token_endpoint_auth_methods_supported",
                List.of("client_secret_post", "private_key_jwt", "client_secret_basic"));
        body.put("jwks_uri", baseUrl + "/" + tenantSegment + "/discovery/v2.0/keys");
        body.put("response_modes_supported", List.of("query", "fragment", "form_post"));
        body.put("subject_types_supported", List.of("pairwise"));
        body.put("id_token_signing_alg_values_supported", List.of("RS256"));
        body.put("response_types_supported", List.of("code", "id_token", "code id_token", "id_token token"));
        body.put("scopes_supported", List.of("openid", "profile", "email", "offline_access"));
        body.put("issuer", baseUrl + "/" + issuerTenant + "/v2.0");
        body.put("authorization_endpoint", baseUrl + "/" + tenantSegment + "/oauth2/v2.0/authorize");
        body.put("device_authorization_endpoint", baseUrl + "/" + tenantSegment + "/oauth2/v2.0/devicecode");
        body.put("tenant_region_scope", "EU");
        body.put("cloud_instance_name", "microsoftonline.com");
        return body;
    }

    // ---------------------------------------------------------------- helpers

    /** The tenant an authority path segment names; null for organizations/common; 400 for an unknown one. */
    private Tenant authorityTenant(String segment) {
        Tenant tenant = tenants.find(segment);
        if (tenant == null && !MULTI_TENANT_SEGMENTS.contains(segment.toLowerCase(Locale.ROOT))) {
            throw new AadError(
                    400,
                    "invalid_request",
                    90002,
                    "Tenant '" + segment + "' not found. Check to make sure you have the correct "
                            + "tenant ID and are signing into the correct cloud.");
        }
        return tenant;
    }

    private Directory.App requireApp(Tenant tenant, String clientId) {
        Directory.App app = directory.app(tenant, clientId, false);
        if (app == null) {
            throw new AadError(
                    400,
                    "unauthorized_client",
                    700016,
                    "Application with identifier '" + clientId + "' was not found in the "
                            + "directory '" + tenant.initialDomain()
                            + "'. This can happen if the application has not been installed by the "
                            + "administrator of the tenant or consented to by any user in the tenant. You may have sent your authentication "
                            + "request to the wrong tenant.");
        }
        return app;
    }

    /**
     * The one resource scope among the requested ones: msal4j adds openid, profile and offline_access in random order,
     * so the scope is an unordered set. Client credentials need {@code {resource}/.default}; the resource must be
     * Exchange's or Security &amp; Compliance's.
     */
    private static String resourceScope(Map<String, String> form, Tenant tenant, boolean clientCredentials) {
        List<String> resourceScopes = new ArrayList<>();
        for (String scope : form.getOrDefault("scope", "").split("\\s+")) {
            if (!scope.isBlank() && !OIDC_SCOPES.contains(scope.toLowerCase(Locale.ROOT))) {
                resourceScopes.add(scope);
            }
        }
        if (resourceScopes.isEmpty()) {
            throw new AadError(
                    400, "invalid_request", 900144, "The request body must contain the following parameter: 'scope'.");
        }
        if (resourceScopes.size() > 1) {
            throw new AadError(
                    400,
                    "invalid_scope",
                    28000,
                    "Provided value for the input parameter scope is not valid because it "
                            + "contains more than one resource. Scope " + String.join(" ", resourceScopes)
                            + " is not valid.");
        }
        String scope = resourceScopes.get(0);
        if (clientCredentials && !scope.endsWith("/.default")) {
            throw new AadError(
                    400,
                    "invalid_scope",
                    1002012,
                    "The provided value for scope " + scope + " is not valid. Client credential "
                            + "flows must have a scope value with /.default suffixed to the resource identifier (application ID URI).");
        }
        if (Workload.ofResource(resourceOf(scope)) == null) {
            throw new AadError(
                    400,
                    "invalid_resource",
                    500011,
                    "The resource principal named " + resourceOf(scope) + " was not found in the "
                            + "tenant named " + (tenant != null ? tenant.initialDomain() : "organizations")
                            + ". This can happen if the application "
                            + "has not been installed by the administrator of the tenant or consented to by any user in the tenant.");
        }
        return scope;
    }

    private static String resourceOf(String scope) {
        int slash = scope.lastIndexOf('/');
        return slash < 0 ? scope : scope.substring(0, slash);
    }

    /** The token audience for a validated scope: the workload's resource as Entra spells it. */
    private static String audience(String scope) {
        return Workload.ofResource(resourceOf(scope)).resource();
    }

    private static String required(Map<String, String> form, String name) {
        String value = form.get(name);
        if (value == null || value.isBlank()) {
            throw new AadError(
                    400,
                    "invalid_request",
                    900144,
                    "The request body must contain the following parameter: '" + name + "'.");
        }
        return value;
    }

    private static List<String> segments(String rawPath) {
        List<String> segments = new ArrayList<>();
        for (String segment : rawPath.split("/")) {
            if (!segment.isEmpty()) {
                segments.add(SimRequest.decode(segment));
            }
        }
        return segments;
    }

    private static SimResponse json(int status, Map<String, Object> body) {
        try {
            return SimResponse.json(status, Jwt.MAPPER.writeValueAsString(body));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
