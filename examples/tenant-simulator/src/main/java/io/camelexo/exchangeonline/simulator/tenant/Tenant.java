package io.camelexo.exchangeonline.simulator.tenant;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One synthetic Exchange Online organisation: its names and, per object kind, an overlay. Generated objects are
 * never stored: each kind's {@code *Records} class rebuilds them from (seed, index) when asked for, so a million
 * mailboxes cost no memory. What writes change lives in that kind's {@code *Overlay} (changed properties, created
 * mailboxes, added members, removed devices, ...), which every read of the kind merges in.
 * Thread-safe: reads are lock-free, writes are serialised per overlay.
 */
public final class Tenant {

    private final long seed;
    private final String initialDomain;
    private final String smtpDomain;
    private final String displayName;
    private final UUID tenantId;
    private final String forest;
    private final String serverPrefix;
    private final String databasePrefix;
    private final String organizationId;

    private final MailboxOverlay mailboxes;
    private final PermissionOverlay permissions;
    private final AutoReplyOverlay autoReplies;
    private final GroupOverlay groups;
    private final DeviceOverlay devices;
    private final AuditLog auditLog;
    private final MessageTrace messageTrace;
    private final Set<String> appsWithoutExchangeRole = ConcurrentHashMap.newKeySet();

    /** A tenant whose mailbox names are their aliases. */
    public Tenant(String domain, long simulatorSeed, int mailboxes) {
        this(domain, simulatorSeed, mailboxes, false);
    }

    /**
     * @param domain      the initial {@code *.onmicrosoft.com} domain, or a custom domain from which it is derived
     * @param nameVariety mailbox names that start with any kind of character (digits, punctuation, any script, emoji,
     *                    either case) instead of the aliases
     */
    public Tenant(String domain, long simulatorSeed, int mailboxes, boolean nameVariety) {
        if (mailboxes < 1) {
            throw new IllegalArgumentException("A tenant needs at least one mailbox, got " + mailboxes);
        }
        String name = domain.strip().toLowerCase(Locale.ROOT);
        String label = name.contains(".") ? name.substring(0, name.indexOf('.')) : name;
        this.initialDomain = name.endsWith(".onmicrosoft.com") ? name : label + ".onmicrosoft.com";
        this.smtpDomain = name.endsWith(".onmicrosoft.com") ? label + ".com" : name;
        this.seed = Seeds.mix(simulatorSeed, initialDomain);
        this.displayName = Character.toUpperCase(label.charAt(0)) + label.substring(1);
        this.tenantId = Seeds.guid(seed, "tenant", 0);
        SplittableRandom rnd = Seeds.random(seed, "region", 0);
        boolean europe = rnd.nextBoolean();
        int partition = 1 + rnd.nextInt(12);
        String region = (europe ? "EURPR" : "NAMPR") + String.format("%02d", partition);
        this.forest = region + "A00" + (1 + rnd.nextInt(9)) + ".PROD.OUTLOOK.COM";
        this.serverPrefix = (europe ? "am" : "bn") + (1 + rnd.nextInt(9)) + "pr" + String.format("%02d", partition);
        this.databasePrefix = region;
        this.organizationId = forest + "/Microsoft Exchange Hosted Organizations/" + initialDomain + " - " + forest
                + "/ConfigurationUnits/" + initialDomain + "/Configuration";
        // the overlays only keep this tenant for later reads: none calls back while it is being built
        this.mailboxes = new MailboxOverlay(this, mailboxes, nameVariety);
        this.permissions = new PermissionOverlay(this);
        this.autoReplies = new AutoReplyOverlay(this);
        this.groups = new GroupOverlay(this, GroupRecords.count(mailboxes));
        this.devices = new DeviceOverlay(this);
        this.auditLog = new AuditLog(this);
        this.messageTrace = new MessageTrace(this);
    }

    public long seed() {
        return seed;
    }

    public String initialDomain() {
        return initialDomain;
    }

    public String smtpDomain() {
        return smtpDomain;
    }

    public String displayName() {
        return displayName;
    }

    public UUID tenantId() {
        return tenantId;
    }

    String forest() {
        return forest;
    }

    String serverPrefix() {
        return serverPrefix;
    }

    String databasePrefix() {
        return databasePrefix;
    }

    String organizationId() {
        return organizationId;
    }

    /** The tenant's administrator account, admin@{initial domain}: owner of groups and policies, and a sign-in account. */
    public String adminUserPrincipalName() {
        return "admin@" + initialDomain;
    }

    /** The domain controller that error messages name ("couldn't be found on '...'"). */
    public String domainController() {
        return serverPrefix.toUpperCase(Locale.ROOT) + "A04DC007." + forest;
    }

    /** Whether the name is this tenant's id, initial domain or custom domain (as a URL segment or authority names it). */
    public boolean isNamed(String name) {
        String n = name.strip().toLowerCase(Locale.ROOT);
        return n.equals(initialDomain) || n.equals(smtpDomain) || n.equals(tenantId.toString());
    }

    public boolean ownsDomain(String domain) {
        String d = domain.strip().toLowerCase(Locale.ROOT);
        return d.equals(initialDomain) || d.equals(smtpDomain);
    }

    /**
     * Whether the app has an Exchange RBAC role in this tenant (every app has one until a test takes it away). Without
     * one it keeps its sign-in and its Exchange.ManageAsApp consent, but the Admin API refuses it (docs/admin-api.md, "Sign-in: authorities and scopes").
     */
    public void exchangeRole(String appId, boolean assigned) {
        if (assigned) {
            appsWithoutExchangeRole.remove(appId.toLowerCase(Locale.ROOT));
        } else {
            appsWithoutExchangeRole.add(appId.toLowerCase(Locale.ROOT));
        }
    }

    public boolean hasExchangeRole(String appId) {
        return !appsWithoutExchangeRole.contains(appId.toLowerCase(Locale.ROOT));
    }

    // ---------------------------------------------------------------- object kinds, each with its overlay

    public MailboxOverlay mailboxes() {
        return mailboxes;
    }

    public PermissionOverlay permissions() {
        return permissions;
    }

    public AutoReplyOverlay autoReplies() {
        return autoReplies;
    }

    public GroupOverlay groups() {
        return groups;
    }

    public MessageTrace messageTrace() {
        return messageTrace;
    }

    public AuditLog auditLog() {
        return auditLog;
    }

    public DeviceOverlay devices() {
        return devices;
    }

    // ---------------------------------------------------------------- configuration

    public List<Map<String, Object>> acceptedDomains() {
        return OrganizationRecords.acceptedDomains(this);
    }

    public Map<String, Object> organizationConfig() {
        return OrganizationRecords.organizationConfig(this);
    }

    public List<Map<String, Object>> transportRules() {
        return OrganizationRecords.transportRules(this);
    }

    public List<Map<String, Object>> retentionCompliancePolicies() {
        return OrganizationRecords.retentionCompliancePolicies(this);
    }

    public List<Map<String, Object>> complianceSearches() {
        return OrganizationRecords.complianceSearches(this);
    }
}
