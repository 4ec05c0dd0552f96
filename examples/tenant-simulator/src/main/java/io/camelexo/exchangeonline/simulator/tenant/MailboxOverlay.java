package io.camelexo.exchangeonline.simulator.tenant;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;

/**
 * A tenant's mailboxes: the generated ones (rebuilt by {@link MailboxRecords} from (seed, index) when asked for)
 * plus what Set-Mailbox and New-Mailbox changed. Reads are lock-free, writes are serialised.
 */
public final class MailboxOverlay {

    private static final String MAILBOX_GUID = "mailbox-guid";
    private static final String EXCHANGE_GUID = "exchange-guid";
    private static final String DIRECTORY_OBJECT = "directory-object";

    private final Tenant tenant;
    private final int generated;
    private final boolean nameVariety;
    private volatile NameIndex nameIndex;
    private final List<Mailbox> created = new CopyOnWriteArrayList<>();
    private final Map<Integer, Mailbox> retyped = new ConcurrentHashMap<>();
    private final Map<Integer, Map<String, Object>> changes = new ConcurrentHashMap<>();
    private final Map<String, Integer> changedIdentities = new ConcurrentHashMap<>();

    MailboxOverlay(Tenant tenant, int generated, boolean nameVariety) {
        this.tenant = tenant;
        this.generated = generated;
        this.nameVariety = nameVariety;
    }

    /** CustomAttribute1..15 and ExtensionCustomAttribute1..5. */
    public static List<String> customAttributeProperties() {
        return MailboxRecords.CUSTOM_ATTRIBUTES;
    }

    /** The properties of Get-EXOMailbox's Minimum set, all of them in {@code record(index, true)}. */
    public static List<String> minimumProperties() {
        return MailboxRecords.MINIMUM;
    }

    /** What {@code record(index, true)} holds: the Minimum set plus ExchangeGuid. */
    public static List<String> cheapProperties() {
        return CHEAP;
    }

    private static final List<String> CHEAP = Stream.concat(MailboxRecords.MINIMUM.stream(), Stream.of("ExchangeGuid"))
            .toList();

    public int generated() {
        return generated;
    }

    /** Generated plus created; indexes run from 0 to this minus one. */
    public int count() {
        return generated + created.size();
    }

    public Mailbox get(int index) {
        Mailbox changedKind = retyped.get(index);
        return changedKind != null ? changedKind : provisioned(index);
    }

    /** The mailbox as it was created, before any Set-Mailbox -Type: what its devices were paired with. */
    Mailbox provisioned(int index) {
        return index < generated ? generate(index) : created.get(index - generated);
    }

    private Mailbox generate(int index) {
        SplittableRandom rnd = Seeds.random(tenant.seed(), "mailbox", index);
        int roll = rnd.nextInt(100);
        String first = Names.pick(Names.FIRST, rnd);
        String last = Names.pick(Names.LAST, rnd);
        String team = Names.pick(Names.TEAMS, rnd);
        String city = Names.pick(Names.CITIES, rnd);
        String equipment = Names.pick(Names.EQUIPMENT, rnd);
        int floor = 1 + rnd.nextInt(12);
        OffsetDateTime whenCreated =
                OffsetDateTime.of(2018, 4, 1, 7, 0, 0, 0, ZoneOffset.UTC).plusSeconds(rnd.nextInt(220_000_000));
        MailboxKind kind = roll < 84
                ? MailboxKind.USER
                : roll < 94 ? MailboxKind.SHARED : roll < 99 ? MailboxKind.ROOM : MailboxKind.EQUIPMENT;
        // the index ends every alias (and every varied name): unique in any tenant size, and find reads it back
        String alias = switch (kind) {
            case USER -> Names.aliasPart(first) + "." + Names.aliasPart(last) + index;
            case SHARED -> Names.aliasPart(team) + index;
            case ROOM -> "room-" + Names.aliasPart(city) + "-" + index;
            case EQUIPMENT -> Names.aliasPart(equipment) + "-" + index;
        };
        String displayName = switch (kind) {
            case USER -> first + " " + last;
            case SHARED -> team + " " + index;
            case ROOM -> "Room " + city + " " + floor + "." + String.format("%02d", index % 100);
            case EQUIPMENT -> equipment + " " + index;
        };
        String name = nameVariety
                ? Names.varied(Seeds.random(tenant.seed(), "mailbox-name", index), alias, displayName, index)
                : alias;
        boolean person = kind == MailboxKind.USER;
        return mailbox(index, kind, alias, name, displayName, person ? first : null, person ? last : null, whenCreated);
    }

    private Mailbox mailbox(
            int index,
            MailboxKind kind,
            String alias,
            String name,
            String displayName,
            String first,
            String last,
            OffsetDateTime whenCreated) {
        long seed = tenant.seed();
        return new Mailbox(
                index,
                kind,
                alias,
                name,
                displayName,
                first,
                last,
                tenant.smtpDomain(),
                Seeds.guid(seed, MAILBOX_GUID, index),
                Seeds.guid(seed, EXCHANGE_GUID, index),
                Seeds.guid(seed, DIRECTORY_OBJECT, index),
                whenCreated);
    }

    /** The Get-Mailbox object with every change applied; {@code minimum} limits it to {@link #cheapProperties()}. */
    public Map<String, Object> record(int index, boolean minimum) {
        Mailbox m = get(index);
        Map<String, Object> record = minimum ? MailboxRecords.minimum(tenant, m) : MailboxRecords.full(tenant, m);
        Map<String, Object> changed = changes.get(index);
        if (changed != null) {
            changed.forEach((name, value) -> {
                if (!minimum || record.containsKey(name)) {
                    record.put(name, value);
                }
            });
        }
        return record;
    }

    /** Get-Recipient's (reduced) view of a mailbox. */
    public Map<String, Object> recipient(int index) {
        return MailboxRecords.recipient(tenant, record(index, false));
    }

    public Map<String, Object> statistics(int index) {
        Map<String, Object> statistics = MailboxRecords.statistics(tenant, get(index));
        statistics.put("DisplayName", record(index, true).get("DisplayName"));
        return statistics;
    }

    /**
     * The mailboxes a Name range can hold, as a listing's positions: the generated ones whose Name is inside the range
     * (in Name order), then every created one (New-Mailbox names them freely). The caller still applies its filter to
     * each.
     */
    public IntSequence byName(NameRange range) {
        int createdCount = count() - generated;
        NameIndex index = nameIndex();
        int first = index.first(range);
        int indexed = Math.max(0, index.end(range) - first);
        return IntSequence.of(
                indexed + createdCount,
                position -> position < indexed ? index.at(first + position) : generated + position - indexed);
    }

    /** Built on first use: about a second per million mailboxes, which a tenant that is never filtered by Name never pays. */
    private NameIndex nameIndex() {
        NameIndex index = nameIndex;
        if (index == null) {
            synchronized (this) {
                index = nameIndex;
                if (index == null) {
                    index = new NameIndex(
                            generated, position -> generate(position).name());
                    nameIndex = index;
                }
            }
        }
        return index;
    }

    /** Get-CASMailbox's view of the mailbox (names and addresses with every change applied). */
    public Map<String, Object> casMailbox(int index) {
        return CasMailboxRecords.record(tenant, record(index, false), get(index));
    }

    /** Get-EXOCasMailbox's Minimum property set. */
    public static List<String> casMinimumProperties() {
        return CasMailboxRecords.MINIMUM;
    }

    /** Get-MailboxFolderStatistics of the folders a -FolderScope selects ("All", "Inbox", "Calendar", ...). */
    public List<Map<String, Object>> folderStatistics(int index, String scope) {
        return MailboxFolderRecords.statistics(tenant, get(index), scope);
    }

    public static boolean isFolderScope(String scope) {
        return MailboxFolderRecords.isScope(scope);
    }

    public static String folderScopes() {
        return MailboxFolderRecords.scopeNames();
    }

    /** Get-MailboxFolderPermission of a folder named by name or path ("Calendar", "/Inbox"); null if none. */
    public List<Map<String, Object>> folderPermissions(int index, String folder) {
        String name = MailboxFolderRecords.folderName(folder);
        return name == null ? null : MailboxFolderRecords.permissions(get(index), name);
    }

    /** The mailbox's index, or -1: by name, alias, address, UPN, DN, or any of its GUIDs, like -Identity. */
    public int find(String identity) {
        String wanted = identity.strip();
        Integer changed = changedIdentities.get(wanted.toLowerCase(Locale.ROOT));
        if (changed != null && Identities.matches(record(changed, false), wanted)) {
            return changed;
        }
        for (long candidate :
                Identities.candidates(tenant.seed(), wanted, MAILBOX_GUID, EXCHANGE_GUID, DIRECTORY_OBJECT)) {
            if (candidate >= 0 && candidate < count() && Identities.matches(record((int) candidate, false), wanted)) {
                return (int) candidate;
            }
        }
        return -1;
    }

    /**
     * Sets properties of a mailbox (already validated by the cmdlet), stamps WhenChanged, and remembers new
     * names and addresses so that -Identity finds the mailbox by them.
     */
    public synchronized void change(int index, Map<String, Object> properties) {
        // synchronizedMap rather than ConcurrentHashMap: clearing a property ($null) stores a null
        Map<String, Object> changed =
                changes.computeIfAbsent(index, i -> Collections.synchronizedMap(new LinkedHashMap<>()));
        OffsetDateTime now = now();
        changed.putAll(properties);
        changed.put("WhenChanged", now);
        changed.put("WhenChangedUTC", now.toInstant());
        rememberIdentities(index, properties);
    }

    /** Set-Mailbox -Type: the mailbox becomes another kind; properties that depend on the kind follow. */
    public synchronized void changeKind(int index, MailboxKind kind) {
        Mailbox m = get(index);
        retyped.put(
                index,
                new Mailbox(
                        m.index(),
                        kind,
                        m.alias(),
                        m.name(),
                        m.displayName(),
                        m.firstName(),
                        m.lastName(),
                        m.smtpDomain(),
                        m.guid(),
                        m.exchangeGuid(),
                        m.externalDirectoryObjectId(),
                        m.whenCreated()));
        change(index, Map.of());
    }

    /**
     * New-Mailbox: appends a mailbox and returns its index.
     *
     * @param name              the object name (Identity, DN); generated mailboxes use the alias
     * @param userPrincipalName null for the alias at the tenant's SMTP domain
     */
    public synchronized int create(
            MailboxKind kind,
            String name,
            String alias,
            String displayName,
            String firstName,
            String lastName,
            String userPrincipalName) {
        int index = count();
        created.add(mailbox(index, kind, alias, alias, displayName, firstName, lastName, now()));
        Map<String, Object> properties = new LinkedHashMap<>();
        if (!name.equals(alias)) {
            properties.put("Name", name);
            properties.put("Identity", name);
            properties.put("Id", name);
            properties.put("DistinguishedName", MailboxRecords.distinguishedName(tenant, name));
        }
        if (userPrincipalName != null) {
            properties.put("UserPrincipalName", userPrincipalName);
            properties.put("MicrosoftOnlineServicesID", userPrincipalName);
            properties.put("WindowsLiveID", userPrincipalName);
        }
        if (!properties.isEmpty()) {
            change(index, properties);
        }
        rememberIdentities(index, record(index, false));
        return index;
    }

    private void rememberIdentities(int index, Map<String, Object> properties) {
        properties.forEach((name, value) -> {
            if (value instanceof List<?> list && name.equals("EmailAddresses")) {
                list.forEach(address -> {
                    String text = address.toString();
                    changedIdentities.put(text.substring(text.indexOf(':') + 1).toLowerCase(Locale.ROOT), index);
                });
            } else if (value != null && Identities.PROPERTIES.contains(name)) {
                changedIdentities.put(value.toString().toLowerCase(Locale.ROOT), index);
            }
        });
    }

    private static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC).withNano(0);
    }
}
