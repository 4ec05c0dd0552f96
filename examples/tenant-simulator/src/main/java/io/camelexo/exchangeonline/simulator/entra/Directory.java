package io.camelexo.exchangeonline.simulator.entra;

import io.camelexo.exchangeonline.simulator.adminapi.SignInAccounts;
import io.camelexo.exchangeonline.simulator.tenant.Seeds;
import io.camelexo.exchangeonline.simulator.tenant.Tenant;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/** App registrations and user accounts, per tenant: what Entra ID checks credentials against. */
public final class Directory implements SignInAccounts {

    /** "Microsoft Exchange REST API Based PowerShell", the module's public client, present in every tenant. */
    public static final String EXCHANGE_POWERSHELL_CLIENT_ID = "fb78d390-0c51-40cd-8e17-fdbfab77341b";

    /** A registered application. Secrets and certificates may be added while the simulator runs. */
    static final class App {
        final String appId;
        final String displayName;
        final UUID servicePrincipalId;
        final Set<String> secrets = ConcurrentHashMap.newKeySet();
        final List<X509Certificate> certificates = new CopyOnWriteArrayList<>();

        App(String appId, String displayName, UUID servicePrincipalId) {
            this.appId = appId;
            this.displayName = displayName;
            this.servicePrincipalId = servicePrincipalId;
        }

        boolean hasSecret(String secret) {
            byte[] given = secret.getBytes(StandardCharsets.UTF_8);
            return secrets.stream()
                    .anyMatch(known -> MessageDigest.isEqual(known.getBytes(StandardCharsets.UTF_8), given));
        }
    }

    /** A user who can sign in (password grant, device code). */
    record User(Tenant tenant, String userPrincipalName, String password, UUID objectId, String displayName) {}

    private final Map<UUID, Map<String, App>> apps = new ConcurrentHashMap<>();
    private final Map<String, User> users = new ConcurrentHashMap<>();

    /** Registers (or extends) an app with a client secret. */
    public void registerApp(Tenant tenant, String appId, String clientSecret) {
        App app = app(tenant, appId, true);
        if (clientSecret != null) {
            app.secrets.add(clientSecret);
        }
    }

    /** Registers (or extends) an app with a certificate for client assertions. */
    public void registerCertificate(Tenant tenant, String appId, X509Certificate certificate) {
        app(tenant, appId, true).certificates.add(certificate);
    }

    @Override
    public void add(Tenant tenant, String userPrincipalName, String password) {
        String upn = userPrincipalName.strip();
        users.put(
                upn.toLowerCase(Locale.ROOT),
                new User(
                        tenant,
                        upn,
                        password,
                        Seeds.guid(tenant.seed(), "user-object:" + upn.toLowerCase(Locale.ROOT), 0),
                        upn.substring(0, upn.indexOf('@'))));
    }

    /** The app, or null; the Exchange PowerShell public client exists in every tenant. */
    App app(Tenant tenant, String appId, boolean create) {
        Map<String, App> tenantApps = apps.computeIfAbsent(tenant.tenantId(), id -> new ConcurrentHashMap<>());
        String key = appId.toLowerCase(Locale.ROOT);
        if (create || key.equals(EXCHANGE_POWERSHELL_CLIENT_ID)) {
            return tenantApps.computeIfAbsent(
                    key,
                    id -> new App(
                            appId,
                            key.equals(EXCHANGE_POWERSHELL_CLIENT_ID)
                                    ? "Microsoft Exchange REST API Based PowerShell"
                                    : "Tenant simulator app " + appId,
                            Seeds.guid(tenant.seed(), "service-principal:" + key, 0)));
        }
        return tenantApps.get(key);
    }

    User user(String userPrincipalName) {
        return users.get(userPrincipalName.strip().toLowerCase(Locale.ROOT));
    }
}
