package io.camelexo.exchangeonline.simulator.tenant;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One synthetic Exchange Online organisation. Generated objects are never stored: each is rebuilt from
 * (seed, index) when asked for, so a million mailboxes cost no memory. What writes change lives in an overlay
 * (changed properties, created mailboxes, added members, removed devices, ...) that every read merges in.
 * Thread-safe: reads are lock-free, writes are serialised per tenant.
 */
public final class Tenant {

    private static final Pattern DIGIT_RUN = Pattern.compile("\\d+");
    private static final int MAX_INDEX_CANDIDATES = 12;
    private static final String MAILBOX_GUID = "mailbox-guid";
    private static final String EXCHANGE_GUID = "exchange-guid";
    private static final String DIRECTORY_OBJECT = "directory-object";
    /** Properties by which Exchange finds a mailbox from an -Identity value. */
    private static final List<String> IDENTITY_PROPERTIES = List.of("Identity", "Name", "Alias", "PrimarySmtpAddress",
            "UserPrincipalName", "WindowsEmailAddress", "DistinguishedName", "LegacyExchangeDN", "Guid", "ExchangeGuid",
            "ExternalDirectoryObjectId");

    private final long seed;
    private final String initialDomain;
    private final String smtpDomain;
    private final String displayName;
    private final UUID tenantId;
    private final String forest;
    private final String serverPrefix;
    private final String databasePrefix;
    private final String organizationId;
    private final int generatedMailboxes;
    private final int groupCount;

    private final List<Mailbox> createdMailboxes = new CopyOnWriteArrayList<>();
    private final Map<Integer, Mailbox> retypedMailboxes = new ConcurrentHashMap<>();
    private final Map<Integer, Map<String, Object>> mailboxChanges = new ConcurrentHashMap<>();
    private final Map<String, Integer> changedIdentities = new ConcurrentHashMap<>();
    private final Map<Integer, Map<String, Object>> autoReplyChanges = new ConcurrentHashMap<>();
    private final Map<Integer, List<Map<String, Object>>> addedPermissions = new ConcurrentHashMap<>();
    private final Map<Integer, Set<Integer>> addedMembers = new ConcurrentHashMap<>();
    private final Map<Integer, Set<Integer>> removedMembers = new ConcurrentHashMap<>();
    private final Set<Long> removedDevices = ConcurrentHashMap.newKeySet();

    /**
     * @param domain the initial {@code *.onmicrosoft.com} domain, or a custom domain from which it is derived
     */
    public Tenant(String domain, long simulatorSeed, int mailboxes) {
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
        this.generatedMailboxes = mailboxes;
        this.groupCount = GroupRecords.count(mailboxes);
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

    // ---------------------------------------------------------------- mailboxes

    public int generatedMailboxes() {
        return generatedMailboxes;
    }

    /** Generated plus created; indexes run from 0 to this minus one. */
    public int mailboxCount() {
        return generatedMailboxes + createdMailboxes.size();
    }

    public Mailbox mailbox(int index) {
        Mailbox retyped = retypedMailboxes.get(index);
        return retyped != null ? retyped : provisionedMailbox(index);
    }

    /** The mailbox as it was created, before any Set-Mailbox -Type: what its devices were paired with. */
    private Mailbox provisionedMailbox(int index) {
        return index < generatedMailboxes ? generateMailbox(index) : createdMailboxes.get(index - generatedMailboxes);
    }

    private Mailbox generateMailbox(int index) {
        SplittableRandom rnd = Seeds.random(seed, "mailbox", index);
        int roll = rnd.nextInt(100);
        String first = Names.pick(Names.FIRST, rnd);
        String last = Names.pick(Names.LAST, rnd);
        String team = Names.pick(Names.TEAMS, rnd);
        String city = Names.pick(Names.CITIES, rnd);
        String equipment = Names.pick(Names.EQUIPMENT, rnd);
        int floor = 1 + rnd.nextInt(12);
        OffsetDateTime created = OffsetDateTime.of(2018, 4, 1, 7, 0, 0, 0, ZoneOffset.UTC).plusSeconds(rnd.nextInt(220_000_000));
        MailboxKind kind = roll < 84 ? MailboxKind.USER : roll < 94 ? MailboxKind.SHARED : roll < 99 ? MailboxKind.ROOM : MailboxKind.EQUIPMENT;
        // the index ends every alias: unique in any tenant size, and findMailbox reads it back
        return switch (kind) {
            case USER -> mailbox(index, kind, Names.aliasPart(first) + "." + Names.aliasPart(last) + index, first + " " + last, first, last, created);
            case SHARED -> mailbox(index, kind, Names.aliasPart(team) + index, team + " " + index, null, null, created);
            case ROOM -> mailbox(index, kind, "room-" + Names.aliasPart(city) + "-" + index,
                    "Room " + city + " " + floor + "." + String.format("%02d", index % 100), null, null, created);
            case EQUIPMENT -> mailbox(index, kind, Names.aliasPart(equipment) + "-" + index, equipment + " " + index, null, null, created);
        };
    }

    private Mailbox mailbox(int index, MailboxKind kind, String alias, String displayName, String first, String last, OffsetDateTime created) {
        return new Mailbox(index, kind, alias, displayName, first, last, smtpDomain, Seeds.guid(seed, MAILBOX_GUID, index),
                Seeds.guid(seed, EXCHANGE_GUID, index), Seeds.guid(seed, DIRECTORY_OBJECT, index), created);
    }

    /** The Get-Mailbox object with every change applied; {@code minimum} limits it to Get-EXOMailbox's Minimum set. */
    public Map<String, Object> mailboxRecord(int index, boolean minimum) {
        Mailbox m = mailbox(index);
        Map<String, Object> record = minimum ? MailboxRecords.minimum(this, m) : MailboxRecords.full(this, m);
        Map<String, Object> changes = mailboxChanges.get(index);
        if (changes != null) {
            changes.forEach((name, value) -> {
                if (!minimum || record.containsKey(name)) {
                    record.put(name, value);
                }
            });
        }
        return record;
    }

    /** Get-Recipient's (reduced) view of a mailbox. */
    public Map<String, Object> recipientRecord(int index) {
        return MailboxRecords.recipient(this, mailboxRecord(index, false));
    }

    public Map<String, Object> statistics(int index) {
        Map<String, Object> statistics = MailboxRecords.statistics(this, mailbox(index));
        statistics.put("DisplayName", mailboxRecord(index, true).get("DisplayName"));
        return statistics;
    }

    /** The mailbox's index, or -1: by name, alias, address, UPN, DN, or any of its GUIDs, like -Identity. */
    public int findMailbox(String identity) {
        String wanted = identity.strip();
        Integer changed = changedIdentities.get(wanted.toLowerCase(Locale.ROOT));
        if (changed != null && matchesIdentity(mailboxRecord(changed, false), wanted)) {
            return changed;
        }
        for (long candidate : indexCandidates(wanted)) {
            if (candidate >= 0 && candidate < mailboxCount() && matchesIdentity(mailboxRecord((int) candidate, false), wanted)) {
                return (int) candidate;
            }
        }
        return -1;
    }

    private Collection<Long> indexCandidates(String identity) {
        Set<Long> candidates = new LinkedHashSet<>();
        candidates.add(Seeds.indexOf(seed, MAILBOX_GUID, identity));
        candidates.add(Seeds.indexOf(seed, EXCHANGE_GUID, identity));
        candidates.add(Seeds.indexOf(seed, DIRECTORY_OBJECT, identity));
        Matcher digits = DIGIT_RUN.matcher(identity);
        while (digits.find() && candidates.size() < MAX_INDEX_CANDIDATES) {
            if (digits.group().length() <= 9) {
                candidates.add(Long.parseLong(digits.group()));
            }
        }
        return candidates;
    }

    private static boolean matchesIdentity(Map<String, Object> record, String identity) {
        for (String property : IDENTITY_PROPERTIES) {
            Object value = record.get(property);
            if (value != null && value.toString().equalsIgnoreCase(identity)) {
                return true;
            }
        }
        Object addresses = record.get("EmailAddresses");
        if (addresses instanceof List<?> list) {
            for (Object address : list) {
                String text = address.toString();
                String bare = text.substring(text.indexOf(':') + 1);
                if (text.equalsIgnoreCase(identity) || bare.equalsIgnoreCase(identity)) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * Sets properties of a mailbox (already validated by the cmdlet), stamps WhenChanged, and remembers new
     * names and addresses so that -Identity finds the mailbox by them.
     */
    public synchronized void changeMailbox(int index, Map<String, Object> properties) {
        // synchronizedMap rather than ConcurrentHashMap: clearing a property ($null) stores a null
        Map<String, Object> changes = mailboxChanges.computeIfAbsent(index, i -> Collections.synchronizedMap(new LinkedHashMap<>()));
        OffsetDateTime now = now();
        changes.putAll(properties);
        changes.put("WhenChanged", now);
        changes.put("WhenChangedUTC", now.toInstant());
        rememberIdentities(index, properties);
    }

    /** Set-Mailbox -Type: the mailbox becomes another kind; properties that depend on the kind follow. */
    public synchronized void changeMailboxKind(int index, MailboxKind kind) {
        Mailbox m = mailbox(index);
        retypedMailboxes.put(index, new Mailbox(m.index(), kind, m.alias(), m.displayName(), m.firstName(), m.lastName(),
                m.smtpDomain(), m.guid(), m.exchangeGuid(), m.externalDirectoryObjectId(), m.whenCreated()));
        changeMailbox(index, Map.of());
    }

    /**
     * New-Mailbox: appends a mailbox and returns its index.
     *
     * @param name              the object name (Identity, DN); generated mailboxes use the alias
     * @param userPrincipalName null for the alias at the tenant's SMTP domain
     */
    public synchronized int createMailbox(MailboxKind kind, String name, String alias, String displayName, String firstName,
                                          String lastName, String userPrincipalName) {
        int index = mailboxCount();
        createdMailboxes.add(mailbox(index, kind, alias, displayName, firstName, lastName, now()));
        Map<String, Object> changes = new LinkedHashMap<>();
        if (!name.equals(alias)) {
            changes.put("Name", name);
            changes.put("Identity", name);
            changes.put("Id", name);
            changes.put("DistinguishedName", MailboxRecords.distinguishedName(this, name));
        }
        if (userPrincipalName != null) {
            changes.put("UserPrincipalName", userPrincipalName);
            changes.put("MicrosoftOnlineServicesID", userPrincipalName);
            changes.put("WindowsLiveID", userPrincipalName);
        }
        if (!changes.isEmpty()) {
            changeMailbox(index, changes);
        }
        rememberIdentities(index, mailboxRecord(index, false));
        return index;
    }

    /** CustomAttribute1..15 and ExtensionCustomAttribute1..5. */
    public static List<String> customAttributeProperties() {
        return MailboxRecords.CUSTOM_ATTRIBUTES;
    }

    /** The properties of Get-EXOMailbox's Minimum set, which {@code mailboxRecord(index, true)} holds. */
    public static List<String> minimumMailboxProperties() {
        return MailboxRecords.MINIMUM;
    }

    private void rememberIdentities(int index, Map<String, Object> properties) {
        properties.forEach((name, value) -> {
            if (value instanceof List<?> list && name.equals("EmailAddresses")) {
                list.forEach(address -> {
                    String text = address.toString();
                    changedIdentities.put(text.substring(text.indexOf(':') + 1).toLowerCase(Locale.ROOT), index);
                });
            } else if (value != null && IDENTITY_PROPERTIES.contains(name)) {
                changedIdentities.put(value.toString().toLowerCase(Locale.ROOT), index);
            }
        });
    }

    // ---------------------------------------------------------------- permissions and auto-reply

    public List<Map<String, Object>> permissions(int index) {
        List<Map<String, Object>> entries = new ArrayList<>(PermissionRecords.generated(this, mailbox(index)));
        entries.addAll(addedPermissions.getOrDefault(index, List.of()));
        return entries;
    }

    /** Add-MailboxPermission: grants the rights to the user (merged into an existing grant to the same user). */
    public synchronized Map<String, Object> addPermission(int index, String user, int userIndex, List<String> accessRights,
                                                          String inheritanceType, boolean deny) {
        List<Map<String, Object>> added = addedPermissions.computeIfAbsent(index, i -> new CopyOnWriteArrayList<>());
        String mailboxIdentity = mailboxRecord(index, true).get("Identity").toString();
        Set<String> rights = new LinkedHashSet<>(accessRights);
        int existing = -1;
        for (int i = 0; i < added.size(); i++) {
            Map<String, Object> entry = added.get(i);
            if (entry.get("User").toString().equalsIgnoreCase(user) && entry.get("Deny").equals(deny)) {
                existing = i;
                @SuppressWarnings("unchecked")
                List<String> granted = (List<String>) entry.get("AccessRights");
                rights.addAll(granted);
            }
        }
        // entries are replaced, never mutated: readers iterate them without locking
        Map<String, Object> entry = Collections.unmodifiableMap(PermissionRecords.entry(mailboxIdentity, user,
                userIndex >= 0 ? PermissionRecords.sid(this, userIndex) : "", List.copyOf(rights), inheritanceType, deny));
        if (existing >= 0) {
            added.set(existing, entry);
        } else {
            added.add(entry);
        }
        return entry;
    }

    public Map<String, Object> autoReply(int index) {
        Map<String, Object> record = MailboxRecords.autoReply(mailbox(index));
        record.putAll(autoReplyChanges.getOrDefault(index, Map.of()));
        return record;
    }

    public synchronized void changeAutoReply(int index, Map<String, Object> properties) {
        autoReplyChanges.computeIfAbsent(index, i -> new ConcurrentHashMap<>()).putAll(withoutNulls(properties));
    }

    // ---------------------------------------------------------------- distribution groups

    public int groupCount() {
        return groupCount;
    }

    public Map<String, Object> groupRecord(int group) {
        return GroupRecords.record(this, group, adminUserPrincipalName());
    }

    /** The group's index, or -1: by name/alias/address/DN or GUID. */
    public int findGroup(String identity) {
        String wanted = identity.strip();
        Set<Long> candidates = new LinkedHashSet<>();
        candidates.add(Seeds.indexOf(seed, GroupRecords.GUID_KIND, wanted));
        Matcher digits = DIGIT_RUN.matcher(wanted);
        while (digits.find() && candidates.size() < MAX_INDEX_CANDIDATES) {
            if (digits.group().length() <= 9) {
                candidates.add(Long.parseLong(digits.group()));
            }
        }
        for (long candidate : candidates) {
            if (candidate >= 0 && candidate < groupCount && matchesIdentity(groupRecord((int) candidate), wanted)) {
                return (int) candidate;
            }
        }
        return -1;
    }

    /** Mailbox indexes of the group's members, ascending. */
    public List<Integer> groupMembers(int group) {
        TreeSet<Integer> members = new TreeSet<>();
        for (int member : GroupRecords.generatedMembers(this, group, generatedMailboxes)) {
            members.add(member);
        }
        members.addAll(addedMembers.getOrDefault(group, Set.of()));
        members.removeAll(removedMembers.getOrDefault(group, Set.of()));
        return new ArrayList<>(members);
    }

    /** False if the mailbox already is a member. */
    public synchronized boolean addGroupMember(int group, int mailbox) {
        if (groupMembers(group).contains(mailbox)) {
            return false;
        }
        removedMembers.getOrDefault(group, Collections.emptySet()).remove(mailbox);
        addedMembers.computeIfAbsent(group, g -> ConcurrentHashMap.newKeySet()).add(mailbox);
        return true;
    }

    /** False if the mailbox is no member. */
    public synchronized boolean removeGroupMember(int group, int mailbox) {
        if (!groupMembers(group).contains(mailbox)) {
            return false;
        }
        addedMembers.getOrDefault(group, Collections.emptySet()).remove(mailbox);
        removedMembers.computeIfAbsent(group, g -> ConcurrentHashMap.newKeySet()).add(mailbox);
        return true;
    }

    // ---------------------------------------------------------------- mobile devices

    public static int deviceSlotsPerMailbox() {
        return DeviceRecords.SLOTS_PER_MAILBOX;
    }

    /** The device in that slot of the mailbox, or null if it has none there (or it was removed). */
    public Map<String, Object> device(int mailbox, int slot) {
        // converting a user mailbox to shared keeps its paired devices, as Exchange does
        if (slot >= DeviceRecords.count(this, provisionedMailbox(mailbox)) || removedDevices.contains(DeviceRecords.key(mailbox, slot))) {
            return null;
        }
        return DeviceRecords.record(this, mailbox(mailbox), slot);
    }

    public Map<String, Object> deviceStatistics(int mailbox, int slot) {
        return device(mailbox, slot) == null ? null : DeviceRecords.statistics(this, mailbox(mailbox), slot);
    }

    /** The device key (mailbox × slots + slot) of an existing device, or -1: by GUID or by its Identity. */
    public long findDevice(String identity) {
        String wanted = identity.strip();
        long byGuid = Seeds.indexOf(seed, DeviceRecords.GUID_KIND, wanted);
        if (byGuid >= 0 && byGuid / DeviceRecords.SLOTS_PER_MAILBOX < mailboxCount()) {
            int mailbox = (int) (byGuid / DeviceRecords.SLOTS_PER_MAILBOX);
            int slot = (int) (byGuid % DeviceRecords.SLOTS_PER_MAILBOX);
            Map<String, Object> device = device(mailbox, slot);
            if (device != null && device.get("Guid").toString().equalsIgnoreCase(wanted)) {
                return byGuid;
            }
        }
        int separator = wanted.indexOf('\\');
        if (separator > 0) {
            int mailbox = findMailbox(wanted.substring(0, separator));
            for (int slot = 0; mailbox >= 0 && slot < DeviceRecords.SLOTS_PER_MAILBOX; slot++) {
                Map<String, Object> device = device(mailbox, slot);
                if (device != null && (device.get("Identity").toString().equalsIgnoreCase(wanted)
                        || wanted.toLowerCase(Locale.ROOT).endsWith("\\" + device.get("Name").toString().toLowerCase(Locale.ROOT)))) {
                    return DeviceRecords.key(mailbox, slot);
                }
            }
        }
        return -1;
    }

    public void removeDevice(long key) {
        removedDevices.add(key);
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

    private static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC).withNano(0);
    }

    private static Map<String, Object> withoutNulls(Map<String, Object> properties) {
        Map<String, Object> copy = new LinkedHashMap<>();
        properties.forEach((name, value) -> {
            if (value != null) {
                copy.put(name, value);
            }
        });
        return copy;
    }
}
