package io.camelexo.examples.tenantcheck;

import io.camelexo.exchangeonline.error.ExoCmdletException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

/**
 * The fixed list of read-only probes, one per wire choice of the component, in the order they run (sign-in first:
 * when it fails, the rest of that service is skipped). Adding a probe is adding an entry: its comment names the
 * section of docs/admin-api.md whose choice it confirms.
 */
final class Probes {

    private static final String SIGN_IN = "Sign-in: authorities and scopes";
    private static final String INVOKE_COMMAND = "The InvokeCommand call";
    private static final String PAGING = "Paging";
    private static final String ERRORS = "Errors";
    private static final String ENTITY_ROUTES = "Get-EXO* entity routes";
    private static final String REDIRECT = "Security & Compliance redirect";
    private static final String BATCH = "$batch";

    /** The selected properties of the $select probe. */
    private static final List<String> SELECTED = List.of("DisplayName", "PrimarySmtpAddress");

    private Probes() {}

    /** The read-only probes, then the reversible writes (which skip themselves without a test mailbox). */
    static List<Probe> all(TestMailboxWrites writes) {
        List<Probe> probes = new ArrayList<>(readOnly());
        probes.addAll(writes.probes());
        return probes;
    }

    static List<Probe> readOnly() {
        List<Probe> probes = new ArrayList<>();
        // docs/admin-api.md, "Sign-in: authorities and scopes": an app-only token for {Exchange host}/.default
        probes.add(new Probe(
                "Sign-in (exo)",
                false,
                SIGN_IN,
                "an app-only token for the cloud's Exchange resource ({resource}/.default) from its Entra authority",
                context -> signedIn(context, "exo")));
        // docs/admin-api.md, "The InvokeCommand call": the CmdletInput body, the headers (app-only X-AnchorMailbox)
        // and the answer's value array
        probes.add(new Probe(
                "Get-Mailbox, first page",
                false,
                INVOKE_COMMAND,
                "POST InvokeCommand with {\"CmdletInput\":{...}} and the app-only X-AnchorMailbox; records in value[]",
                Probes::firstPage));
        // docs/admin-api.md, "Paging": the InvokeCommand nextLink is followed by POSTing the same body again
        probes.add(new Probe(
                "Get-Mailbox, second page",
                false,
                PAGING,
                "the next page of InvokeCommand: the same body POSTed again to @odata.nextLink",
                context -> twoPages(context, "Get-Mailbox")));
        // docs/admin-api.md, "The InvokeCommand call": $select on the InvokeCommand URL trims records on the server
        probes.add(new Probe(
                "Get-Mailbox, select",
                false,
                INVOKE_COMMAND,
                "$select on the InvokeCommand URL trims the records on the server",
                Probes::select));
        // docs/admin-api.md, "Errors": a missing object answers an envelope whose details name the exception
        probes.add(new Probe(
                "Get-Mailbox, made-up identity",
                false,
                ERRORS,
                "a missing object: HTTP 404 and an error envelope whose details[0].message names"
                        + " ManagementObjectNotFoundException",
                context -> notFound(context, "Get-Mailbox")));
        // docs/admin-api.md, "Get-EXO* entity routes", one probe per route (keys are Base64 with isEncoded=true)
        probes.add(entityRoute(
                "Get-EXOMailbox",
                "GET Mailbox?PropertySet=Minimum",
                context -> Map.of("PropertySets", "Minimum", "ResultSize", 1)));
        probes.add(new Probe(
                "Get-EXOMailbox, keyed",
                false,
                ENTITY_ROUTES,
                "GET Mailbox('{key}')?isEncoded=true answers the mailbox itself, not a value array",
                Probes::keyedMailbox));
        // docs/admin-api.md, "Paging": entity routes follow @odata.nextLink with GET
        probes.add(new Probe(
                "Get-EXOMailbox, second page",
                false,
                PAGING,
                "the next page of an entity route: GET on @odata.nextLink",
                context -> twoPages(context, "Get-EXOMailbox")));
        // docs/admin-api.md, "Get-EXO* entity routes": an OPATH Filter is sent translated as $filter, and
        // ResultSize=Unlimited follows every page of a small set
        probes.add(new Probe(
                "Get-EXOMailbox, Filter and ResultSize Unlimited",
                false,
                ENTITY_ROUTES,
                "Filter in OPATH sent as an OData $filter; ResultSize=Unlimited reads every page",
                Probes::filteredUnlimited));
        probes.add(entityRoute(
                "Get-EXORecipient",
                "GET Recipient?PropertySet=Minimum",
                context -> Map.of("PropertySets", "Minimum", "ResultSize", 1)));
        probes.add(entityRoute(
                "Get-EXOCasMailbox",
                "GET CasMailbox('{key}')?isEncoded=true&PropertySet=Minimum",
                context -> Map.of("Identity", context.sampleMailbox(), "PropertySets", "Minimum")));
        probes.add(entityRoute(
                "Get-EXOMailboxPermission",
                "GET Mailbox('{key}')/MailboxPermission",
                context -> Map.of("Identity", context.sampleMailbox(), "ResultSize", "Unlimited")));
        probes.add(entityRoute(
                "Get-EXORecipientPermission",
                "GET Recipient('{key}')/RecipientPermission",
                context -> Map.of("Identity", context.sampleMailbox(), "ResultSize", "Unlimited")));
        probes.add(new Probe(
                "Get-EXORecipientPermission, whole organisation",
                false,
                ENTITY_ROUTES,
                "without an Identity: GET Recipient/Exchange.GetRecipientPermissionByFilters()",
                context -> records(context, "Get-EXORecipientPermission", Map.of("ResultSize", 1))));
        probes.add(entityRoute(
                "Get-EXOMailboxStatistics",
                "GET Mailbox('{key}')/Exchange.GetMailboxStatistics()",
                context -> Map.of("Identity", context.sampleMailbox())));
        probes.add(entityRoute(
                "Get-EXOMailboxFolderStatistics",
                "GET Mailbox('{key}')/MailboxFolder/Exchange.GetMailboxFolderStatistics(folderscope='All')",
                context -> Map.of("Identity", context.sampleMailbox(), "ResultSize", "Unlimited")));
        probes.add(entityRoute(
                "Get-EXOMailboxFolderPermission",
                "GET Mailbox('{key}')/MailboxFolder('{folder key}')/MailboxFolderPermission for <mailbox>:\\Calendar",
                context -> Map.of("Identity", context.sampleMailbox() + ":\\Calendar")));
        probes.add(new Probe(
                "Get-EXOMobileDeviceStatistics",
                false,
                ENTITY_ROUTES,
                "GET Mailbox('{key}')/MobileDevice/Exchange.GetMobileDeviceStatistics()",
                context -> records(
                        context,
                        "Get-EXOMobileDeviceStatistics",
                        Map.of("Identity", context.sampleMailbox(), "ResultSize", "Unlimited"),
                        0)));
        // docs/admin-api.md, "Errors": the same error envelope from an entity route
        probes.add(new Probe(
                "Get-EXOMailbox, made-up identity",
                false,
                ERRORS,
                "a missing object on an entity route: HTTP 404 and the same error envelope",
                context -> notFound(context, "Get-EXOMailbox")));
        // docs/admin-api.md, "$batch": read items in one envelope, answered per item in order, a missing object as
        // that item's own error
        probes.add(new Probe(
                "Get-Mailbox in bulk ($batch)",
                false,
                BATCH,
                "POST $batch with InvokeCommand items; one response per item id, errors per item in body.error",
                Probes::batchOfReads));
        // docs/admin-api.md, "Sign-in: authorities and scopes": SCC tokens are for the compliance resource
        probes.add(new Probe(
                "Sign-in (scc)",
                true,
                SIGN_IN,
                "an app-only token for the cloud's Security & Compliance resource",
                context -> signedIn(context, "scc")));
        // docs/admin-api.md, "Security & Compliance redirect": the front door redirects to the regional host, which
        // the session pins
        probes.add(new Probe(
                "Get-RetentionCompliancePolicy (scc)",
                true,
                REDIRECT,
                "scc starts at the front door, follows its redirect to the regional host and pins that host",
                Probes::complianceRedirect));
        return probes;
    }

    private static Probe entityRoute(
            String cmdlet, String route, Function<ProbeContext, Map<String, Object>> parameters) {
        return new Probe(
                cmdlet, false, ENTITY_ROUTES, route, context -> records(context, cmdlet, parameters.apply(context)));
    }

    private static String signedIn(ProbeContext context, String scheme) {
        Map<String, Object> information = context.connectionInformation(scheme);
        if (!"Active".equals(information.get("TokenStatus"))) {
            throw new Probe.NotConfirmed("signed in, but TokenStatus is " + information.get("TokenStatus"));
        }
        return "token for " + information.get("TokenScope") + ", tenant " + information.get("TenantID")
                + ", valid until " + information.get("TokenExpiryTimeUTC");
    }

    private static String firstPage(ProbeContext context) {
        List<Map<String, Object>> records =
                context.exo("Get-Mailbox", Map.of("RecipientTypeDetails", "UserMailbox", "ResultSize", 1));
        if (records.isEmpty()) {
            return "an empty value[]: the tenant has no user mailbox";
        }
        context.offerSampleMailbox(String.valueOf(records.get(0).get("PrimarySmtpAddress")));
        return "1 record (" + records.get(0).size() + " properties), e.g. "
                + records.get(0).get("PrimarySmtpAddress");
    }

    private static String twoPages(ProbeContext context, String cmdlet) {
        List<Map<String, Object>> records = context.run("exo:" + cmdlet + "?pageSize=1", Map.of("ResultSize", 2));
        if (records.size() < 2) {
            throw new Probe.Skipped("the tenant has " + records.size() + " mailbox(es): there is no second page");
        }
        Object first = records.get(0).get("ExternalDirectoryObjectId");
        Object second = records.get(1).get("ExternalDirectoryObjectId");
        if (first != null && first.equals(second)) {
            throw new Probe.NotConfirmed("the second page repeated the first record (" + first + ")");
        }
        return "2 different records, asked for in pages of 1 (odata.maxpagesize=1)";
    }

    private static String select(ProbeContext context) {
        List<Map<String, Object>> records =
                context.run("exo:Get-Mailbox?select=" + String.join(",", SELECTED), Map.of("ResultSize", 1));
        if (records.isEmpty()) {
            throw new Probe.Skipped("the tenant has no mailbox");
        }
        Set<String> properties = records.get(0).keySet();
        if (properties.size() > SELECTED.size() + 3) {
            throw new Probe.NotConfirmed(
                    "the record has " + properties.size() + " properties: $select was not applied");
        }
        return "the record holds " + properties;
    }

    private static String notFound(ProbeContext context, String cmdlet) {
        String madeUp =
                "tenant-check-no-such-mailbox-" + UUID.randomUUID().toString().substring(0, 8);
        try {
            context.exo(cmdlet, Map.of("Identity", madeUp));
        } catch (CmdletRunner.CmdletFailure failure) {
            if (failure.getCause() instanceof ExoCmdletException error
                    && error.getStatusCode() != 403
                    && error.getStatusCode() != 401) {
                String seen = "HTTP " + error.getStatusCode() + ", " + error.getExceptionType() + ": "
                        + error.getCmdletMessage();
                if (error.getStatusCode() == 404
                        && "ManagementObjectNotFoundException".equals(error.getExceptionType())) {
                    return seen;
                }
                throw new Probe.NotConfirmed(seen);
            }
            throw failure;
        }
        throw new Probe.NotConfirmed("the service found a mailbox named " + madeUp);
    }

    private static String batchOfReads(ProbeContext context) {
        String mailbox = context.sampleMailbox();
        String madeUp =
                "tenant-check-no-such-mailbox-" + UUID.randomUUID().toString().substring(0, 8);
        List<Map<String, Object>> entries =
                context.bulk("exo:Get-Mailbox?bulk=true&inBody=Identity", List.of(mailbox, madeUp));
        if (entries.size() != 2) {
            throw new Probe.NotConfirmed(entries.size() + " entries for 2 items");
        }
        List<?> found = (List<?>) entries.get(0).get("Records");
        Object foundError = entries.get(0).get("Error");
        if (foundError != null || found == null || found.size() != 1) {
            throw new Probe.NotConfirmed("the first item (" + mailbox + ") answered "
                    + (foundError != null ? foundError : (found == null ? 0 : found.size()) + " record(s)"));
        }
        Map<?, ?> missing = (Map<?, ?>) entries.get(1).get("Error");
        if (missing == null || !"ManagementObjectNotFoundException".equals(missing.get("ExceptionType"))) {
            throw new Probe.NotConfirmed("the made-up item answered " + (missing != null ? missing : "no error"));
        }
        return "2 items in one envelope: " + mailbox + " found; the made-up one HTTP " + missing.get("StatusCode") + " "
                + missing.get("ExceptionType");
    }

    private static String keyedMailbox(ProbeContext context) {
        String mailbox = context.sampleMailbox();
        List<Map<String, Object>> records =
                context.exo("Get-EXOMailbox", Map.of("Identity", mailbox, "PropertySets", "Minimum"));
        if (records.size() != 1
                || !mailbox.equalsIgnoreCase(String.valueOf(records.get(0).get("PrimarySmtpAddress")))) {
            throw new Probe.NotConfirmed(records.size() + " record(s) for " + mailbox);
        }
        return "the mailbox " + mailbox + " itself";
    }

    private static String filteredUnlimited(ProbeContext context) {
        String mailbox = context.sampleMailbox();
        Map<String, Object> parameters = new LinkedHashMap<>();
        parameters.put("Filter", "PrimarySmtpAddress -eq '" + mailbox.replace("'", "''") + "'");
        parameters.put("ResultSize", "Unlimited");
        List<Map<String, Object>> records = context.exo("Get-EXOMailbox", parameters);
        if (records.size() != 1) {
            throw new Probe.NotConfirmed(records.size() + " record(s) for PrimarySmtpAddress eq '" + mailbox + "'");
        }
        return "1 record for $filter=PrimarySmtpAddress eq '" + mailbox + "'";
    }

    private static String complianceRedirect(ProbeContext context) {
        Object frontDoor = context.connectionInformation("scc").get("ConnectionUri");
        int policies = context.scc("Get-RetentionCompliancePolicy", Map.of()).size();
        Object pinned = context.connectionInformation("scc").get("ConnectionUri");
        return policies + " retention policies; "
                + (frontDoor.equals(pinned)
                        ? "answered at " + frontDoor + " without a redirect"
                        : "redirected from " + frontDoor + " to " + pinned + ", pinned for the session");
    }

    private static String records(ProbeContext context, String cmdlet, Map<String, Object> parameters) {
        return records(context, cmdlet, parameters, 1);
    }

    /** Runs the cmdlet and confirms when at least {@code atLeast} records came back. */
    private static String records(ProbeContext context, String cmdlet, Map<String, Object> parameters, int atLeast) {
        List<Map<String, Object>> records = context.exo(cmdlet, parameters);
        if (records.size() < atLeast) {
            throw new Probe.NotConfirmed("no record for " + parameters);
        }
        return records.size() + " record(s)"
                + (records.isEmpty() ? "" : ", " + records.get(0).size() + " properties");
    }
}
