package io.camelexo.exchangeonline.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The comparison operators parallel paging partitions a listing with, over names that start with any kind of
 * character: the Name ranges between boundaries are disjoint and together are the whole listing, by every route.
 */
class NameRangeFilterTest {

    private static final String TENANT = "contoso.onmicrosoft.com";
    private static final int MAILBOXES = 1500;
    /** Ascending in the simulator's collation (upper-cased code units); one has a quote, some several characters. */
    private static final List<String> BOUNDARIES =
            List.of("'", "0", "5", "A", "Ma", "n", "z{", "À", "Я", "ب", "一", "가", "\uD83D\uDE00", "\uE000");

    @RegisterExtension
    static final TenantSimulatorExtension SIM = new TenantSimulatorExtension(
            TenantSimulator.builder().mailboxes(MAILBOXES).nameVariety(true));

    private final TenantSimulator sim = SIM.simulator();
    private final String token = sim.accessToken(TENANT, SimulatedService.EXCHANGE);
    private final AdminApiHttp http = new AdminApiHttp();

    /** The four listings a partition reads: two cmdlets over InvokeCommand, two entity routes. */
    enum Listing {
        GET_MAILBOX,
        GET_RECIPIENT,
        GET_EXO_MAILBOX,
        GET_EXO_RECIPIENT;

        boolean odata() {
            return this == GET_EXO_MAILBOX || this == GET_EXO_RECIPIENT;
        }
    }

    @Test
    void theVarietyHasNamesStartingWithEveryKindOfCharacter() {
        Map<String, Integer> kinds = new HashMap<>();
        for (String name : names(Listing.GET_MAILBOX, null)) {
            kinds.merge(kindOfFirst(name), 1, Integer::sum);
        }
        assertThat(kinds)
                .containsKeys("digit", "punctuation", "upper", "lower", "cyrillic", "han", "hangul", "arabic", "emoji");
        assertThat(sim.findMailbox(TENANT, String.valueOf(sim.mailbox(TENANT, 7).get("Name"))))
                .as("-Identity finds a varied name")
                .isEqualTo(7);
    }

    private static String kindOfFirst(String name) {
        int first = name.codePointAt(0);
        if (Character.isSupplementaryCodePoint(first)) {
            return "emoji";
        }
        if (Character.isDigit(first)) {
            return "digit";
        }
        Character.UnicodeScript script = Character.UnicodeScript.of(first);
        return switch (script) {
            case CYRILLIC -> "cyrillic";
            case HAN -> "han";
            case HANGUL -> "hangul";
            case ARABIC -> "arabic";
            case LATIN -> Character.isUpperCase(first) ? "upper" : "lower";
            case COMMON -> "punctuation";
            default -> script.name().toLowerCase();
        };
    }

    @ParameterizedTest
    @EnumSource(Listing.class)
    void theRangesBetweenBoundariesAreDisjointAndMakeUpTheWholeListing(Listing listing) {
        List<String> whole = names(listing, null);
        assertThat(whole).hasSize(MAILBOXES).doesNotHaveDuplicates();

        List<String> parts = new ArrayList<>();
        String first = comparison(listing, "lt", BOUNDARIES.get(0));
        parts.addAll(names(listing, first));
        for (int i = 0; i + 1 < BOUNDARIES.size(); i++) {
            String range = comparison(listing, "ge", BOUNDARIES.get(i))
                    + (listing.odata() ? " and " : " -and ")
                    + comparison(listing, "lt", BOUNDARIES.get(i + 1));
            List<String> part = names(listing, range);
            parts.addAll(part);
        }
        parts.addAll(names(listing, comparison(listing, "ge", BOUNDARIES.get(BOUNDARIES.size() - 1))));

        assertThat(parts).as("no name in two ranges").doesNotHaveDuplicates();
        assertThat(new HashSet<>(parts)).as("every name in a range").isEqualTo(new HashSet<>(whole));
    }

    @Test
    void lessOrEqualAndGreaterSplitTooAndCaseDoesNotMatter() {
        Set<String> low = new HashSet<>(names(Listing.GET_MAILBOX, "Name -le 'm'"));
        Set<String> high = new HashSet<>(names(Listing.GET_MAILBOX, "Name -gt 'M'"));
        assertThat(low).doesNotContainAnyElementsOf(high);
        assertThat(low.size() + high.size()).isEqualTo(MAILBOXES);
        assertThat(low)
                .allSatisfy(name -> assertThat(name.toUpperCase(Locale.ROOT).compareTo("M"))
                        .as(name)
                        .isLessThanOrEqualTo(0));
        assertThat(new HashSet<>(names(Listing.GET_EXO_MAILBOX, "Name gt 'm'"))).isEqualTo(high);
    }

    @Test
    void numbersCompareAsNumbers() {
        List<Integer> nine = capacities("ResourceCapacity -ge 9 -and ResourceCapacity -lt 10");
        assertThat(nine).allSatisfy(capacity -> assertThat(capacity).isEqualTo(9));
        // as text, "10" to "23" would all sort before "9"
        assertThat(capacities("ResourceCapacity -gt 9"))
                .isNotEmpty()
                .allSatisfy(capacity -> assertThat(capacity).isGreaterThan(9));
    }

    private List<Integer> capacities(String filter) {
        List<Integer> capacities = new ArrayList<>();
        values(Listing.GET_MAILBOX, filter, "ResourceCapacity")
                .forEach(value -> capacities.add(Integer.valueOf(value)));
        return capacities;
    }

    private static String comparison(Listing listing, String operator, String boundary) {
        String literal = "'" + boundary.replace("'", "''") + "'";
        return listing.odata() ? "Name " + operator + " " + literal : "Name -" + operator + " " + literal;
    }

    private List<String> names(Listing listing, String filter) {
        return values(listing, filter, "Name");
    }

    /** The property of every record the listing returns with the filter (null: none), following nextLinks. */
    private List<String> values(Listing listing, String filter, String property) {
        String tenantBase = sim.exchangeUrl() + "/adminapi/beta/" + TENANT;
        List<String> values = new ArrayList<>();
        JsonNode page;
        String url;
        Function<String, JsonNode> next;
        if (listing.odata()) {
            String route = listing == Listing.GET_EXO_MAILBOX ? "/Mailbox" : "/Recipient";
            url = tenantBase + route + "?$select=" + property
                    + (filter == null ? "" : "&$filter=" + URLEncoder.encode(filter, StandardCharsets.UTF_8));
            next = link ->
                    http.get(link, token, "Prefer", "odata.maxpagesize=1000").json();
        } else {
            Map<String, Object> parameters = new HashMap<>(Map.of("ResultSize", "Unlimited"));
            if (filter != null) {
                parameters.put("Filter", filter);
            }
            byte[] body = AdminApiHttp.cmdletInput(
                    listing == Listing.GET_MAILBOX ? "Get-Mailbox" : "Get-Recipient", parameters);
            url = tenantBase + "/InvokeCommand?$select=" + property;
            next = link -> http.post(link, token, body, "Prefer", "odata.maxpagesize=1000")
                    .json();
        }
        while (url != null) {
            page = next.apply(url);
            assertThat(page.has("value")).as(page.toString()).isTrue();
            page.path("value")
                    .forEach(record -> values.add(record.path(property).asText()));
            url = page.hasNonNull("@odata.nextLink")
                    ? page.path("@odata.nextLink").asText()
                    : null;
        }
        return values;
    }
}
