package io.camelexo.exchangeonline.simulator.tenant;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How -Identity finds a generated object without scanning: its index is hidden in its GUIDs and ends its
 * name, so a few candidate indexes are derived from the value and each candidate's record is compared.
 */
final class Identities {

    /** Properties by which Exchange finds a recipient from an -Identity value. */
    static final List<String> PROPERTIES = List.of(
            "Identity",
            "Name",
            "Alias",
            "PrimarySmtpAddress",
            "UserPrincipalName",
            "WindowsEmailAddress",
            "DistinguishedName",
            "LegacyExchangeDN",
            "Guid",
            "ExchangeGuid",
            "ExternalDirectoryObjectId");

    private static final Pattern DIGIT_RUN = Pattern.compile("\\d+");
    private static final int MAX_INDEX_CANDIDATES = 12;

    private Identities() {}

    /** Indexes the value may name: those hidden in it as a GUID of one of the kinds, then its runs of digits. */
    static Collection<Long> candidates(long seed, String identity, String... guidKinds) {
        Set<Long> candidates = new LinkedHashSet<>();
        for (String kind : guidKinds) {
            candidates.add(Seeds.indexOf(seed, kind, identity));
        }
        Matcher digits = DIGIT_RUN.matcher(identity);
        while (digits.find() && candidates.size() < MAX_INDEX_CANDIDATES) {
            if (digits.group().length() <= 9) {
                candidates.add(Long.parseLong(digits.group()));
            }
        }
        return candidates;
    }

    /** Whether the record is the one the value names: by any identity property or e-mail address, ignoring case. */
    static boolean matches(Map<String, Object> record, String identity) {
        for (String property : PROPERTIES) {
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
}
