package io.camelexo.exchangeonline.adminapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import io.camelexo.exchangeonline.error.ExoFilterException;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Get-EXO* filters as users paste them from PowerShell scripts, and the OData the entity routes receive. */
class OpathFilterTranslatorTest {

    static Stream<Arguments> translations() {
        return Stream.of(
                // OData is sent as it is
                arguments("RecipientTypeDetails eq 'SharedMailbox'", "RecipientTypeDetails eq 'SharedMailbox'"),
                arguments(
                        "startswith(DisplayName,'Sales') and ResourceCapacity gt -5",
                        "startswith(DisplayName,'Sales') and ResourceCapacity gt -5"),
                arguments("DisplayName eq 'Research -and Development'", "DisplayName eq 'Research -and Development'"),
                arguments("DisplayName eq 'O''Brien -eq x'", "DisplayName eq 'O''Brien -eq x'"),
                arguments("ResourceCapacity gt -INF", "ResourceCapacity gt -INF"),
                // the example of the issue
                arguments(
                        "RecipientTypeDetails -eq 'SharedMailbox' -and DisplayName -like 'Sales*'",
                        "RecipientTypeDetails eq 'SharedMailbox' and startswith(DisplayName,'Sales')"),
                // comparisons, numbers, PowerShell's constants, operators in any case
                arguments("Alias -ne 'bob'", "Alias ne 'bob'"),
                arguments(
                        "ResourceCapacity -ge 10 -and ResourceCapacity -lt 20.5 -and ResourceCapacity -gt -1 -and ResourceCapacity -le 99",
                        "ResourceCapacity ge 10 and ResourceCapacity lt 20.5 and ResourceCapacity gt -1 and ResourceCapacity le 99"),
                arguments(
                        "ForwardingSmtpAddress -ne $null -and HiddenFromAddressListsEnabled -eq $False -and IsShared -EQ $TRUE",
                        "ForwardingSmtpAddress ne null and HiddenFromAddressListsEnabled eq false and IsShared eq true"),
                arguments("IsShared -eq `$true", "IsShared eq true"),
                arguments("Alias -EQ 'x' -AND Alias -Like 'y*'", "Alias eq 'x' and startswith(Alias,'y')"),
                // the i forms are the plain operators: PowerShell compares case-insensitively by default
                arguments("Alias -ieq 'x' -and Alias -INE 'y'", "Alias eq 'x' and Alias ne 'y'"),
                arguments(
                        "Size -ilt 1 -and Size -igt 2 -and Size -ile 3 -and Size -ige 4",
                        "Size lt 1 and Size gt 2 and Size le 3 and Size ge 4"),
                arguments(
                        "Alias -ilike 'y*' -and Alias -inotlike '*z'",
                        "startswith(Alias,'y') and not endswith(Alias,'z')"),
                // -like and -notlike with * at the start, the end, both, or alone
                arguments("Alias -like '*room'", "endswith(Alias,'room')"),
                arguments("Alias -like '*room*'", "contains(Alias,'room')"),
                arguments("Alias -like 'room'", "Alias eq 'room'"),
                arguments("CustomAttribute1 -like '*'", "CustomAttribute1 ne null"),
                arguments("Alias -notlike 'room*'", "not startswith(Alias,'room')"),
                arguments("Alias -notlike '*room*'", "not contains(Alias,'room')"),
                arguments("Alias -notlike 'room'", "Alias ne 'room'"),
                arguments("CustomAttribute1 -notlike '*'", "CustomAttribute1 eq null"),
                arguments("Alias -eq 'a*'", "Alias eq 'a*'"),
                // -or, -not, parentheses, braces
                arguments(
                        "Alias -eq 'a' -or Alias -eq 'b' -or Alias -eq 'c'",
                        "Alias eq 'a' or Alias eq 'b' or Alias eq 'c'"),
                arguments(
                        "-not(DisplayName -like '*test*') -and (RecipientTypeDetails -eq 'SharedMailbox' -or RecipientTypeDetails -eq 'RoomMailbox')",
                        "not (contains(DisplayName,'test')) and (RecipientTypeDetails eq 'SharedMailbox' or RecipientTypeDetails eq 'RoomMailbox')"),
                arguments("-not IsShared -eq $true", "not (IsShared eq true)"),
                arguments("-not DisplayName -like 'a*'", "not startswith(DisplayName,'a')"),
                arguments("-not -not (Alias -eq 'a')", "not (not (Alias eq 'a'))"),
                arguments("{Alias -like 'room-*'}", "startswith(Alias,'room-')"),
                arguments("  { (Alias -eq 'a') }  ", "(Alias eq 'a')"),
                // both quote styles, doubled quotes, typographic quotes from documents
                arguments("DisplayName -eq \"O'Brien\"", "DisplayName eq 'O''Brien'"),
                arguments("DisplayName -eq 'O''Brien'", "DisplayName eq 'O''Brien'"),
                arguments("Notes -eq \"say \"\"hi\"\"\"", "Notes eq 'say \"hi\"'"),
                arguments(
                        "DisplayName -eq \u2018Sales\u2019 -or DisplayName -eq \u201CLegal\u201D",
                        "DisplayName eq 'Sales' or DisplayName eq 'Legal'"),
                arguments("DisplayName -eq 'Anna\u2019s room'", "DisplayName eq 'Anna\u2019s room'"),
                arguments("DisplayName -like '*50% off*'", "contains(DisplayName,'50% off')"));
    }

    @ParameterizedTest
    @MethodSource("translations")
    void translatesToTheODataTheEntityRoutesTake(String filter, String odata) {
        assertThat(OpathFilterTranslator.toODataFilter(filter)).isEqualTo(odata);
    }

    static Stream<Arguments> untranslatable() {
        return Stream.of(
                arguments("Alias -like 'a*b'", 13, "'a*b'", "start and/or the end"),
                arguments("Alias -notlike '*a*b'", 16, "'*a*b'", "start and/or the end"),
                arguments("Alias -match 'x'", 7, "-match", "no OData translation"),
                arguments("Alias -contains 'x'", 7, "-contains", "no OData translation"),
                arguments("Alias -ceq 'x'", 7, "-ceq", "no OData translation"),
                arguments("Alias -in 'x'", 7, "-in", "no OData translation"),
                arguments("Alias -eq 'a' -xor Alias -eq 'b'", 15, "-xor", "no OData translation"),
                arguments("Alias -eq 'a' -or Alias -eq 'b' -and Alias -eq 'c'", 33, "-and", "parentheses"),
                arguments("Alias -eq $mailboxName", 11, "$mailboxName", "variables are not expanded"),
                arguments("Alias -eq room", 11, "room", "must be quoted ('room')"),
                arguments("Alias -like 5", 13, "5", "quoted pattern"),
                arguments("Alias -eq 'unclosed", 11, "'unclosed", "not closed"),
                arguments("(Alias -eq 'a'", 15, "", "ends too early"),
                arguments("Alias -eq 'a')", 14, ")", "no '('"),
                arguments("ProhibitSendQuota -gt 10GB", 23, "10GB", "plain decimal numbers"),
                arguments("!(Alias -eq 'a') -or Alias -eq 'b'", 1, "!", "not part of the OPATH"),
                arguments("Alias -eq 'a' Alias -eq 'b'", 15, "Alias", "-and or -or was expected"),
                arguments("'a' -eq Alias", 1, "'a'", "property name was expected"),
                arguments("Alias 'a' -eq 'b'", 7, "'a'", "comparison operator"),
                arguments("{}", 3, "", "ends too early"),
                arguments("-not", 5, "", "ends too early"));
    }

    @ParameterizedTest
    @MethodSource("untranslatable")
    void namesThePartThatHasNoODataTranslation(String filter, int position, String token, String reason) {
        ExoFilterException error =
                catchThrowableOfType(ExoFilterException.class, () -> OpathFilterTranslator.toODataFilter(filter));
        assertThat(error).as(filter).isNotNull();
        assertThat(error.getPosition()).as(filter).isEqualTo(position);
        assertThat(error.getToken()).isEqualTo(token);
        assertThat(error.getErrorCode()).isEqualTo("InvalidFilter");
        assertThat(error.getMessage()).contains(reason).contains(filter);
        if (!token.isEmpty()) {
            String shown = token.startsWith("'") ? token : "'" + token + "'";
            assertThat(error.getMessage()).contains(shown + " at position " + position + ": ");
        }
    }

    @Test
    void theEntityRouteSendsTheTranslationAndRejectsBeforeBuildingTheRequest() {
        CmdletRequest pasted = new CmdletRequest(
                "Get-EXOMailbox",
                Map.of("Filter", "RecipientTypeDetails -eq 'SharedMailbox' -and DisplayName -like 'Sales*'"),
                List.of(),
                1000);
        assertThat(EntityRoutes.firstPage(pasted))
                .isEqualTo("Mailbox?$filter="
                        + UriEncoding.encode(
                                "RecipientTypeDetails eq 'SharedMailbox' and startswith(DisplayName,'Sales')"));
        CmdletRequest untranslatable =
                new CmdletRequest("Get-EXORecipient", Map.of("Filter", "Alias -match '^a'"), List.of(), 1000);
        assertThat(catchThrowableOfType(ExoFilterException.class, () -> EntityRoutes.firstPage(untranslatable))
                        .getToken())
                .isEqualTo("-match");
    }
}
