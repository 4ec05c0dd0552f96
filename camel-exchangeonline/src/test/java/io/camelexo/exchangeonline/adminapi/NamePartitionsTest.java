package io.camelexo.exchangeonline.adminapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.camelexo.exchangeonline.error.ExoFilterException;
import java.text.Collator;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** How parallelPaging splits a listing: parts that hold every record once, and the filters the service receives. */
class NamePartitionsTest {

    /** Names of every kind a tenant may hold, and the boundary-like names around them. */
    private static final List<String> NAMES = List.of(
            "anna.jones",
            "Anna Jones",
            "ANNA",
            "a",
            "A",
            "Z",
            "zoe",
            "Zürich Desk",
            "Élodie Dubois",
            "ärger Team",
            "ıstanbul Desk",
            "Øystein",
            "ch",
            "Chris",
            "H",
            "Mz",
            "MA",
            "m",
            "0",
            "42 Reception",
            "9",
            "#general",
            "_svc",
            "(old) room",
            "'quoted'",
            "-dash",
            "!",
            "~tilde",
            "[x]",
            "@home",
            "Ольга Петрова",
            "дмитрий",
            "王伟",
            "田中 花子",
            "김민준",
            "محمد علي",
            "דוד לוי",
            "Σοφία",
            "प्रिया",
            "😀 party",
            "🚀",
            "☕ break",
            "\uFFFF",
            " leading space");

    /** Orders the service might compare with: none of them may lose or double a record. */
    private static Map<String, Comparator<String>> orders() {
        Map<String, Comparator<String>> orders = new LinkedHashMap<>();
        orders.put("ordinal", Comparator.naturalOrder());
        orders.put("case-insensitive", String.CASE_INSENSITIVE_ORDER);
        orders.put("ordinal ignore case", Comparator.comparing(name -> name.toUpperCase(Locale.ROOT)));
        orders.put("reversed", Comparator.<String>naturalOrder().reversed());
        orders.put("en-US collation", collator(Locale.US));
        // "ch" sorts after "h" in Czech, "aa" at the end in Danish: boundaries may not sort as listed
        orders.put("Czech collation", collator(Locale.forLanguageTag("cs-CZ")));
        orders.put("Danish collation", collator(Locale.forLanguageTag("da-DK")));
        orders.put(
                "scrambled",
                Comparator.<String>comparingInt(name -> Integer.rotateLeft(name.hashCode() * 0x9E3779B9, 7))
                        .thenComparing(Comparator.naturalOrder()));
        return orders;
    }

    private static Comparator<String> collator(Locale locale) {
        Collator collator = Collator.getInstance(locale);
        return collator::compare;
    }

    private static boolean matches(List<NamePartitions.Bound> leaf, String name, Comparator<String> order) {
        return leaf.stream().allMatch(bound -> (order.compare(name, bound.boundary()) < 0) == bound.below());
    }

    @Test
    void everyNameLandsInExactlyOnePartWhateverOrderTheServiceComparesIn() {
        for (int partitions : new int[] {2, 3, 7, 16, 64}) {
            List<List<NamePartitions.Bound>> leaves = NamePartitions.leaves(partitions);
            assertThat(leaves).hasSize(partitions);
            List<String> names = new ArrayList<>(NAMES);
            names.addAll(NamePartitions.boundaries(partitions));
            orders().forEach((orderName, order) -> {
                for (String name : names) {
                    long parts = leaves.stream()
                            .filter(leaf -> matches(leaf, name, order))
                            .count();
                    assertThat(parts)
                            .as("parts holding '%s' of %d under %s", name, partitions, orderName)
                            .isEqualTo(1);
                }
            });
        }
    }

    @Test
    void whenTheServiceSortsTheBoundariesAsListedPartIIsTheRangeFromBoundaryIToTheNext() {
        for (int partitions = 2; partitions <= NamePartitions.MAX_RANGES; partitions++) {
            List<String> boundaries = NamePartitions.boundaries(partitions);
            assertThat(boundaries).hasSize(partitions - 1).isSorted().doesNotHaveDuplicates();
            assertThat(boundaries).allMatch(boundary -> boundary.matches("[A-Z]{1,2}"));
            List<List<NamePartitions.Bound>> leaves = NamePartitions.leaves(partitions);
            Comparator<String> ordinal = Comparator.naturalOrder();
            for (int i = 0; i < partitions; i++) {
                // a leaf's path holds at most log2(N) conditions, so filters stay short at 64 parts
                assertThat(leaves.get(i)).hasSizeLessThanOrEqualTo(6);
                if (i > 0) {
                    assertThat(matches(leaves.get(i), boundaries.get(i - 1), ordinal))
                            .as("part %d of %d starts at its lower boundary", i, partitions)
                            .isTrue();
                }
                if (i < partitions - 1) {
                    assertThat(matches(leaves.get(i), boundaries.get(i), ordinal))
                            .as("part %d of %d ends before its upper boundary", i, partitions)
                            .isFalse();
                }
            }
            assertThat(matches(leaves.get(0), "", ordinal))
                    .as("the first part is open below")
                    .isTrue();
            assertThat(matches(leaves.get(partitions - 1), "\uFFFF\uFFFF", ordinal))
                    .as("the last part is open above")
                    .isTrue();
        }
    }

    @Test
    void theBoundariesSpreadTypicalNamesOverTheParts() {
        // one boundary: the median of the initials lies in the middle of the alphabet
        assertThat(NamePartitions.boundaries(2))
                .singleElement()
                .satisfies(median -> assertThat(median).isBetween("K", "N"));
    }

    @Test
    void invokeCommandPartsCarryTheCallersFilterAndTheirNameConditionsInOpath() {
        String boundary = NamePartitions.boundaries(2).get(0);
        Map<String, Object> parameters = new LinkedHashMap<>();
        parameters.put("ResultSize", "Unlimited");
        parameters.put("filter", "{RecipientTypeDetails -eq 'SharedMailbox'}");
        parameters.put("Anr", "sales");
        CmdletRequest request = new CmdletRequest("Get-Mailbox", parameters, List.of("Name", "Alias"), 500);

        List<CmdletRequest> parts = NamePartitions.parts(request, 2);

        assertThat(parts)
                .extracting(part -> part.parameter("Filter"))
                .containsExactly(
                        "(RecipientTypeDetails -eq 'SharedMailbox') -and Name -lt '" + boundary + "'",
                        "(RecipientTypeDetails -eq 'SharedMailbox') -and Name -ge '" + boundary + "'");
        assertThat(parts).allSatisfy(part -> {
            assertThat(part.cmdlet()).isEqualTo("Get-Mailbox");
            assertThat(part.parameters())
                    .containsEntry("ResultSize", "Unlimited")
                    .containsEntry("Anr", "sales");
            assertThat(part.parameters().keySet()).containsExactly("ResultSize", "Anr", "Filter");
            assertThat(part.select()).containsExactly("Name", "Alias");
            assertThat(part.pageSize()).isEqualTo(500);
        });
    }

    @Test
    void withoutACallersFilterAPartIsItsNameConditionsOnly() {
        List<String> boundaries = NamePartitions.boundaries(4);
        List<CmdletRequest> parts = NamePartitions.parts(
                new CmdletRequest("get-recipient", Map.of("ResultSize", "unlimited"), List.of(), 1000), 4);

        String middle = boundaries.get(1);
        assertThat(parts)
                .extracting(part -> part.parameter("Filter"))
                .containsExactly(
                        "Name -lt '" + middle + "' -and Name -lt '" + boundaries.get(0) + "'",
                        "Name -lt '" + middle + "' -and Name -ge '" + boundaries.get(0) + "'",
                        "Name -ge '" + middle + "' -and Name -lt '" + boundaries.get(2) + "'",
                        "Name -ge '" + middle + "' -and Name -ge '" + boundaries.get(2) + "'");
    }

    private static List<CmdletRequest> splitWithFilter(String cmdlet, String filter, int partitions) {
        return NamePartitions.parts(
                new CmdletRequest(cmdlet, Map.of("ResultSize", "Unlimited", "Filter", filter), List.of(), 1000),
                partitions);
    }

    @Test
    void entityRoutePartsAreODataWhetherTheCallerWroteOpathOrOData() {
        String boundary = NamePartitions.boundaries(2).get(0);
        assertThat(splitWithFilter("Get-EXOMailbox", "DisplayName -like 'Sales*'", 2))
                .extracting(part -> part.parameter("Filter"))
                .containsExactly(
                        "(startswith(DisplayName,'Sales')) and Name lt '" + boundary + "'",
                        "(startswith(DisplayName,'Sales')) and Name ge '" + boundary + "'");

        CmdletRequest upper = splitWithFilter("Get-EXORecipient", "RecipientTypeDetails eq 'UserMailbox'", 2)
                .get(1);
        assertThat(upper.parameter("Filter"))
                .isEqualTo("(RecipientTypeDetails eq 'UserMailbox') and Name ge '" + boundary + "'");
        // the route sends the part's OData as it is
        assertThat(EntityRoutes.firstPage(upper))
                .contains("$filter="
                        + UriEncoding.encode(upper.parameter("Filter").toString()));
    }

    @Test
    void aCallersFilterThatDoesNotTranslateFailsBeforeAnyPartIsPlanned() {
        assertThatThrownBy(() -> splitWithFilter("Get-EXOMailbox", "Alias -match 'x'", 4))
                .isInstanceOf(ExoFilterException.class)
                .hasMessageContaining("-match");
    }

    @Test
    void aCmdletThatCannotBeSplitOrALimitedListingIsRefusedNamingTheOption() {
        assertThatThrownBy(() -> NamePartitions.split(
                        new CmdletRequest("Get-User", Map.of("ResultSize", "Unlimited"), List.of(), 1000), 8))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(
                        "parallelPaging=8 splits the listings of Get-Mailbox, Get-Recipient, Get-EXOMailbox, "
                                + "Get-EXORecipient by Name; Get-User cannot be split: use parallelPaging=1 (the default) for it");
        assertThatThrownBy(() -> NamePartitions.split(
                        new CmdletRequest("Get-Mailbox", Map.of("ResultSize", "5000"), List.of(), 1000), 2))
                .hasMessage("parallelPaging=2 reads a whole listing in Name ranges and needs ResultSize=Unlimited; "
                        + "got ResultSize=5000");
        assertThatThrownBy(() -> NamePartitions.split(new CmdletRequest("Get-Mailbox", Map.of(), List.of(), 1000), 2))
                .hasMessageContaining("needs ResultSize=Unlimited; ResultSize is not set");
        // parallelPaging=1 is the sequential listing: nothing to check
        NamePartitions.checkCmdlet("Get-User", 1);
        NamePartitions.checkResultSize(null, 1);
        IntStream.rangeClosed(2, 3).forEach(n -> NamePartitions.checkCmdlet("GET-EXORECIPIENT", n));
    }

    @Test
    void aListingIsSplitIntoFourRangesPerReaderUpToSixtyFour() {
        CmdletRequest request = new CmdletRequest("Get-Mailbox", Map.of("ResultSize", "Unlimited"), List.of(), 1000);
        for (int readers : new int[] {2, 5, 16, 64}) {
            List<CmdletRequest> parts = NamePartitions.split(request, readers);

            assertThat(parts).hasSize(Math.min(64, 4 * readers));
            assertThat(parts)
                    .extracting(part -> part.parameter("Filter").toString())
                    .doesNotHaveDuplicates()
                    .allMatch(filter -> filter.contains("Name -lt '") || filter.contains("Name -ge '"));
        }
    }
}
