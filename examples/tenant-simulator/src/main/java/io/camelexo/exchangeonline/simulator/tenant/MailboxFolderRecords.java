package io.camelexo.exchangeonline.simulator.tenant;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * A mailbox's default folders as Get-MailboxFolderStatistics and Get-MailboxFolderPermission show them: the same
 * folders in every mailbox, item counts and sizes drawn from (seed, index), and the two default permission entries
 * (Default, Anonymous) a new mailbox has.
 */
final class MailboxFolderRecords {

    /** Name, FolderType (what -FolderScope selects) and ContainerClass of the well-known folders, in display order. */
    private static final List<String[]> FOLDERS = List.of(
            new String[] {"Top of Information Store", "Root", null},
            new String[] {"Inbox", "Inbox", "IPF.Note"},
            new String[] {"Sent Items", "SentItems", "IPF.Note"},
            new String[] {"Deleted Items", "DeletedItems", "IPF.Note"},
            new String[] {"Drafts", "Drafts", "IPF.Note"},
            new String[] {"Junk Email", "JunkEmail", "IPF.Note"},
            new String[] {"Archive", "Archive", "IPF.Note"},
            new String[] {"Calendar", "Calendar", "IPF.Appointment"},
            new String[] {"Contacts", "Contacts", "IPF.Contact"},
            new String[] {"Tasks", "Tasks", "IPF.Task"},
            new String[] {"Notes", "Notes", "IPF.StickyNote"},
            new String[] {"Conversation History", "ConversationHistory", "IPF.Note"},
            new String[] {"Recoverable Items", "RecoverableItemsRoot", null});

    private MailboxFolderRecords() {}

    /** -FolderScope values the folders answer to; All means every folder. */
    static boolean isScope(String scope) {
        return scope.equalsIgnoreCase("All") || FOLDERS.stream().anyMatch(folder -> folder[1].equalsIgnoreCase(scope));
    }

    static List<Map<String, Object>> statistics(Tenant tenant, Mailbox m, String scope) {
        SplittableRandom rnd = Seeds.random(tenant.seed(), "mailbox-folders", m.index());
        OffsetDateTime created = m.whenCreated();
        List<Map<String, Object>> folders = new ArrayList<>();
        for (String[] folder : FOLDERS) {
            int items = folder[2] == null ? 0 : rnd.nextInt(folder[1].equals("Inbox") ? 5000 : 400);
            long bytes = (long) items * (20_000 + rnd.nextInt(60_000));
            if (!scope.equalsIgnoreCase("All") && !folder[1].equalsIgnoreCase(scope)) {
                continue;
            }
            String path = folder[1].equals("Root") ? "/" : "/" + folder[0];
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("Name", folder[0]);
            r.put("FolderPath", path);
            r.put("FolderType", folder[1]);
            r.put("ContainerClass", folder[2]);
            r.put("ItemsInFolder", items);
            r.put("DeletedItemsInFolder", 0);
            r.put("FolderSize", ByteSize.format(bytes));
            r.put("ItemsInFolderAndSubfolders", items);
            r.put("FolderAndSubfolderSize", ByteSize.format(bytes));
            r.put("VisibleItemsInFolder", items);
            r.put("HiddenItemsInFolder", 0);
            r.put("FolderId", "LgAAAAC" + Seeds.token(tenant.seed(), "folder-id:" + folder[1], 40) + m.index());
            r.put("CreationTime", created);
            r.put("LastModifiedTime", OffsetDateTime.of(2025, 10, 1, 0, 0, 0, 0, ZoneOffset.UTC));
            r.put("Identity", m.alias() + "\\" + (path.equals("/") ? "" : folder[0]));
            r.put("IsValid", true);
            r.put("ObjectState", "Unchanged");
            folders.add(r);
        }
        return folders;
    }

    /** The folder's name as the mailbox spells it, for a name or path given in either form; null if there is none. */
    static String folderName(String folder) {
        String wanted = folder.strip();
        if (wanted.startsWith("\\") || wanted.startsWith("/")) {
            wanted = wanted.substring(1);
        }
        for (String[] candidate : FOLDERS) {
            if (candidate[0].equalsIgnoreCase(wanted) || candidate[1].equalsIgnoreCase(wanted)) {
                return candidate[0];
            }
        }
        return null;
    }

    /** The default entries: Default sees free/busy on the calendar and nothing elsewhere; Anonymous sees nothing. */
    static List<Map<String, Object>> permissions(Mailbox m, String folderName) {
        String defaultRights = folderName.equals("Calendar") ? "AvailabilityOnly" : "None";
        return List.of(
                permission(m, folderName, "Default", defaultRights), permission(m, folderName, "Anonymous", "None"));
    }

    private static Map<String, Object> permission(Mailbox m, String folderName, String user, String rights) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("FolderName", folderName);
        r.put("User", user);
        r.put("AccessRights", List.of(rights));
        r.put("SharingPermissionFlags", null);
        r.put("Identity", m.alias() + ":\\" + folderName);
        r.put("IsValid", true);
        r.put("ObjectState", "Unchanged");
        return r;
    }

    /** The -FolderScope values, for the error that refuses another. */
    static String scopeNames() {
        StringBuilder names = new StringBuilder("All");
        FOLDERS.forEach(folder -> names.append(", ").append(folder[1]));
        return names.toString();
    }
}
