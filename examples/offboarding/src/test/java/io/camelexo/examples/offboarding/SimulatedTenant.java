package io.camelexo.examples.offboarding;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.camelexo.exchangeonline.simulator.SimulatedService;
import io.camelexo.exchangeonline.simulator.TenantSimulator;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The simulated tenant's state, for assertions: through the simulator's Java API where it has the answer, else
 * through its Admin API with a token it issues (not through the component under test). Faults must be off.
 */
final class SimulatedTenant {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final TenantSimulator simulator;
    private final String tenant;
    private final HttpClient http = HttpClient.newHttpClient();

    SimulatedTenant(TenantSimulator simulator) {
        this.simulator = simulator;
        this.tenant = TenantSimulator.DEFAULT_TENANT;
    }

    /** A user mailbox's UPN that is in at least one distribution group and has a mobile device, and is not taken. */
    String leaver(Set<String> taken) {
        for (int index = 0; index < simulator.mailboxCount(tenant); index++) {
            Map<String, Object> mailbox = simulator.mailbox(tenant, index);
            String upn = upn(mailbox);
            if ("UserMailbox".equals(mailbox.get("RecipientTypeDetails"))
                    && !taken.contains(upn)
                    && !groupsOf(upn).isEmpty()
                    && !mobileDevices(upn).isEmpty()
                    && taken.add(upn)) {
                return upn;
            }
        }
        throw new IllegalStateException("No user mailbox left with groups and devices");
    }

    /** Any other user mailbox's UPN, not taken. */
    String manager(Set<String> taken) {
        for (int index = simulator.mailboxCount(tenant) - 1; index >= 0; index--) {
            Map<String, Object> mailbox = simulator.mailbox(tenant, index);
            if ("UserMailbox".equals(mailbox.get("RecipientTypeDetails")) && taken.add(upn(mailbox))) {
                return upn(mailbox);
            }
        }
        throw new IllegalStateException("No user mailbox left");
    }

    Map<String, Object> mailbox(String upn) {
        return simulator.mailbox(tenant, simulator.findMailbox(tenant, upn));
    }

    /** UPNs of user mailboxes, in the tenant's order, that are not taken (and now are). */
    List<String> userMailboxes(int count, Set<String> taken) {
        List<String> found = new ArrayList<>();
        for (int index = 0; index < simulator.mailboxCount(tenant) && found.size() < count; index++) {
            Map<String, Object> mailbox = simulator.mailbox(tenant, index);
            if ("UserMailbox".equals(mailbox.get("RecipientTypeDetails")) && taken.add(upn(mailbox))) {
                found.add(upn(mailbox));
            }
        }
        if (found.size() < count) {
            throw new IllegalStateException("Only " + found.size() + " user mailboxes left, " + count + " wanted");
        }
        return found;
    }

    /** Identities of the distribution groups the mailbox is a member of. */
    List<String> groupsOf(String upn) {
        Object address = mailbox(upn).get("PrimarySmtpAddress");
        return groupsByMember().getOrDefault(String.valueOf(address), List.of());
    }

    /** Every member address with the identities of its distribution groups, from one listing. */
    Map<String, List<String>> groupsByMember() {
        Map<String, List<String>> groups = new HashMap<>();
        for (JsonNode group : invoke("Get-DistributionGroup", Map.of("ResultSize", "Unlimited"))) {
            String identity = group.path("Identity").asText();
            for (Object member : simulator.groupMembers(tenant, identity)) {
                groups.computeIfAbsent(String.valueOf(member), address -> new ArrayList<>())
                        .add(identity);
            }
        }
        return groups;
    }

    List<JsonNode> mobileDevices(String upn) {
        return invoke("Get-MobileDevice", Map.of("Mailbox", upn));
    }

    JsonNode autoReply(String upn) {
        return invoke("Get-MailboxAutoReplyConfiguration", Map.of("Identity", upn))
                .get(0);
    }

    /** The access rights the user holds on the mailbox, e.g. [FullAccess]. */
    List<String> accessRights(String mailbox, String user) {
        List<String> rights = new ArrayList<>();
        for (JsonNode entry : invoke("Get-MailboxPermission", Map.of("Identity", mailbox, "User", user))) {
            entry.path("AccessRights").forEach(right -> rights.add(right.asText()));
        }
        return rights;
    }

    /** Calls of the cmdlet about this leaver, whatever the answer. */
    long calls(String cmdlet, String upn) {
        return calls(cmdlet, upn, "");
    }

    /** Calls of the cmdlet about this leaver whose request has this text, e.g. a parameter's name. */
    long calls(String cmdlet, String upn, String requestPart) {
        return simulator.journal().cmdletCalls(cmdlet).stream()
                .filter(call -> call.body() != null
                        && call.body().toLowerCase(Locale.ROOT).contains("\"" + upn + "\"")
                        && call.body().contains(requestPart))
                .count();
    }

    private List<JsonNode> invoke(String cmdlet, Map<String, Object> parameters) {
        try {
            String body = JSON.writeValueAsString(
                    Map.of("CmdletInput", Map.of("CmdletName", cmdlet, "Parameters", parameters)));
            HttpRequest request = HttpRequest.newBuilder(
                            URI.create(simulator.exchangeUrl() + "/adminapi/beta/" + tenant + "/InvokeCommand"))
                    .header("Authorization", "Bearer " + simulator.accessToken(tenant, SimulatedService.EXCHANGE))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body))
                    .build();
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException(cmdlet + " answered " + response.statusCode() + ": " + response.body());
            }
            List<JsonNode> records = new ArrayList<>();
            JSON.readTree(response.body()).path("value").forEach(records::add);
            return records;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String upn(Map<String, Object> mailbox) {
        return String.valueOf(mailbox.get("UserPrincipalName")).toLowerCase(Locale.ROOT);
    }
}
