package io.camelexo.examples.offboarding;

import static io.camelexo.examples.offboarding.OffboardingRoutes.LEAVER;
import static io.camelexo.examples.offboarding.OffboardingRoutes.LOG;
import static io.camelexo.examples.offboarding.OffboardingRoutes.STEP;
import static io.camelexo.examples.offboarding.OffboardingRoutes.STEP_DETAIL;
import static io.camelexo.examples.offboarding.OffboardingStep.CONVERT_TO_SHARED;
import static io.camelexo.examples.offboarding.OffboardingStep.GRANT_MANAGER_FULL_ACCESS;
import static io.camelexo.examples.offboarding.OffboardingStep.HIDE_FROM_ADDRESS_LISTS;
import static io.camelexo.examples.offboarding.OffboardingStep.REMOVE_FROM_DISTRIBUTION_GROUPS;
import static io.camelexo.examples.offboarding.OffboardingStep.REMOVE_MOBILE_DEVICES;
import static io.camelexo.examples.offboarding.OffboardingStep.SET_AUTO_REPLY;

import io.camelexo.exchangeonline.ExoConstants;
import io.camelexo.exchangeonline.error.ExoCmdletException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import org.apache.camel.Exchange;
import org.apache.camel.LoggingLevel;
import org.apache.camel.Predicate;
import org.apache.camel.builder.AggregationStrategies;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.builder.ValueBuilder;
import org.springframework.stereotype.Component;

/**
 * One route per step, each a few Exchange Online cmdlets, and the gate that skips a step the audit trail already has
 * and records the ones it runs. Every endpoint allows only its own cmdlet. Typed parameters go in CamelExoParameters,
 * which is set before every call that has any (headers outlive a call, and must not reach the next cmdlet).
 */
@Component
public class OffboardingStepRoutes extends RouteBuilder {

    static final String RUN_STEP = "direct:offboarding-step";
    private static final String DEVICE = "mobileDevice";
    private static final String GROUP = "distributionGroup";
    private static final String REMOVED_FROM_GROUP = "removedFromDistributionGroup";

    private final LeaverLedger ledger;

    public OffboardingStepRoutes(LeaverLedger ledger) {
        this.ledger = ledger;
    }

    @Override
    public void configure() {
        // A failing step fails as a whole, to the offboarding route, which runs it again or dead-letters the event.
        // An error handler here would mark the failure exhausted and so stop the offboarding route's retries.
        errorHandler(noErrorHandler());

        from(RUN_STEP)
                .routeId("offboarding-step")
                .removeHeaders("CamelExo*")
                .choice()
                .when(exchange -> ledger.isDone(leaver(exchange), step(exchange)))
                .log(
                        LoggingLevel.INFO,
                        LOG,
                        "${exchangeProperty." + STEP + ".id} of ${exchangeProperty." + LEAVER
                                + ".eventId} was done before: skipped")
                .otherwise()
                .removeProperty(STEP_DETAIL)
                .toD("${exchangeProperty." + STEP + ".uri}")
                .process(this::recordDone)
                .end();

        from(REMOVE_MOBILE_DEVICES.uri())
                .routeId(REMOVE_MOBILE_DEVICES.id())
                .setHeader(ExoConstants.PARAMETERS)
                .exchange(exchange -> Map.of("Mailbox", leaver(exchange).userPrincipalName()))
                .to("exo:Get-MobileDevice?ResultSize=Unlimited&select=Identity,Name&commandName=Get-MobileDevice")
                .setProperty(STEP_DETAIL)
                .body(List.class, devices -> "removed " + describe(names(devices), "mobile device"))
                .split(body())
                .stopOnException()
                .setProperty(DEVICE, simple("${body[Identity]}"))
                .setHeader(ExoConstants.PARAMETERS, constant(Map.of("Confirm", false)))
                .setBody(exchangeProperty(DEVICE))
                .doTry()
                .to("exo:Remove-MobileDevice?inBody=Identity&commandName=Remove-MobileDevice")
                .doCatch(ExoCmdletException.class)
                .onWhen(exceptionTypeIs("ManagementObjectNotFoundException"))
                .log(LoggingLevel.INFO, LOG, "Mobile device ${exchangeProperty." + DEVICE + "} was already removed")
                .end()
                .end();

        // The leaver's groups come from one filtered listing (Members -eq '<DN>'), not from reading every group's
        // members.
        // A removal answered "not a member" counts as done: a listing can lag behind a removal made moments before.
        from(REMOVE_FROM_DISTRIBUTION_GROUPS.uri())
                .routeId(REMOVE_FROM_DISTRIBUTION_GROUPS.id())
                .setBody(leaverUpn())
                .to(
                        "exo:Get-Mailbox?inBody=Identity&outputType=Single&select=DistinguishedName&commandName=Get-Mailbox")
                .setHeader(ExoConstants.PARAMETERS)
                .exchange(exchange -> Map.of(
                        "Filter",
                        "Members -eq '"
                                + exchange.getIn()
                                        .getBody(Map.class)
                                        .get("DistinguishedName")
                                        .toString()
                                        .replace("'", "''")
                                + "'"))
                .to("exo:Get-DistributionGroup?ResultSize=Unlimited&outputType=Stream&select=Identity"
                        + "&commandName=Get-DistributionGroup")
                .removeHeader(ExoConstants.PARAMETERS)
                .split(
                        body(),
                        AggregationStrategies.flexible(String.class)
                                .pick(exchangeProperty(REMOVED_FROM_GROUP))
                                .accumulateInCollection(ArrayList.class))
                .streaming()
                .stopOnException()
                .setProperty(GROUP, simple("${body[Identity]}"))
                .setHeader(ExoConstants.PARAMETERS)
                .exchange(exchange -> Map.of(
                        "Member",
                        leaver(exchange).userPrincipalName(),
                        "BypassSecurityGroupManagerCheck",
                        true,
                        "Confirm",
                        false))
                .setBody(exchangeProperty(GROUP))
                .doTry()
                .to("exo:Remove-DistributionGroupMember?inBody=Identity&commandName=Remove-DistributionGroupMember")
                .doCatch(ExoCmdletException.class)
                .onWhen(exceptionTypeIs("MemberNotFoundException", "ManagementObjectNotFoundException"))
                .log(
                        LoggingLevel.INFO,
                        LOG,
                        "${exchangeProperty." + LEAVER + ".userPrincipalName} had already left ${exchangeProperty."
                                + GROUP + "}")
                .end()
                .setProperty(REMOVED_FROM_GROUP, exchangeProperty(GROUP))
                .end()
                .setProperty(STEP_DETAIL)
                .exchange(exchange -> "removed from " + describe(groupsLeft(exchange), "distribution group"));

        from(CONVERT_TO_SHARED.uri())
                .routeId(CONVERT_TO_SHARED.id())
                .setBody(leaverUpn())
                .to("exo:Set-Mailbox?Type=Shared&inBody=Identity&commandName=Set-Mailbox");

        from(HIDE_FROM_ADDRESS_LISTS.uri())
                .routeId(HIDE_FROM_ADDRESS_LISTS.id())
                .setHeader(ExoConstants.PARAMETERS, constant(Map.of("HiddenFromAddressListsEnabled", true)))
                .setBody(leaverUpn())
                .to("exo:Set-Mailbox?inBody=Identity&commandName=Set-Mailbox");

        from(GRANT_MANAGER_FULL_ACCESS.uri())
                .routeId(GRANT_MANAGER_FULL_ACCESS.id())
                .setHeader(ExoConstants.PARAMETERS)
                .exchange(exchange -> Map.of("User", leaver(exchange).manager()))
                .setBody(leaverUpn())
                .to("exo:Add-MailboxPermission?AccessRights=FullAccess&InheritanceType=All&inBody=Identity"
                        + "&commandName=Add-MailboxPermission")
                .setProperty(STEP_DETAIL, simple("${exchangeProperty." + LEAVER + ".manager} granted FullAccess"));

        from(SET_AUTO_REPLY.uri())
                .routeId(SET_AUTO_REPLY.id())
                .setHeader(ExoConstants.PARAMETERS)
                .exchange(exchange -> Map.of(
                        "InternalMessage", leaver(exchange).autoReplyMessage(),
                        "ExternalMessage", leaver(exchange).autoReplyMessage()))
                .setBody(leaverUpn())
                .to("exo:Set-MailboxAutoReplyConfiguration?AutoReplyState=Enabled&ExternalAudience=All&inBody=Identity"
                        + "&commandName=Set-MailboxAutoReplyConfiguration");
    }

    private void recordDone(Exchange exchange) {
        OffboardingStep step = step(exchange);
        String detail = exchange.getProperty(STEP_DETAIL, step.outcome(), String.class);
        ledger.recordDone(
                leaver(exchange), step, detail, exchange.getIn().getHeader(ExoConstants.REQUEST_ID, String.class));
    }

    /** A removal the service refuses because it is already done counts as done. */
    private static Predicate exceptionTypeIs(String... exceptionTypes) {
        List<String> types = List.of(exceptionTypes);
        return exchange -> {
            Object failure = exchange.getException() != null
                    ? exchange.getException()
                    : exchange.getProperty(Exchange.EXCEPTION_CAUGHT);
            return failure instanceof ExoCmdletException cmdletFailure
                    && types.contains(cmdletFailure.getExceptionType());
        };
    }

    /** The groups the split removed the leaver from (a tenant without groups splits into nothing and leaves no list). */
    private static List<?> groupsLeft(Exchange exchange) {
        return exchange.getIn().getBody() instanceof List<?> groups ? groups : List.of();
    }

    private static List<?> names(List<?> devices) {
        return devices.stream()
                .map(device -> device instanceof Map<?, ?> m ? m.get("Name") : null)
                .filter(Objects::nonNull)
                .toList();
    }

    private static String describe(List<?> items, String noun) {
        return items.size() + " " + noun + (items.size() == 1 ? "" : "s")
                + (items.isEmpty()
                        ? ""
                        : ": " + items.stream().map(String::valueOf).collect(Collectors.joining(", ")));
    }

    private ValueBuilder leaverUpn() {
        return simple("${exchangeProperty." + LEAVER + ".userPrincipalName}");
    }

    private static LeaverEvent leaver(Exchange exchange) {
        return exchange.getProperty(LEAVER, LeaverEvent.class);
    }

    private static OffboardingStep step(Exchange exchange) {
        return exchange.getProperty(STEP, OffboardingStep.class);
    }
}
