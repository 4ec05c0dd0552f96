package io.camelexo.examples.tenantcheck;

import io.camelexo.exchangeonline.error.ExoAccessDeniedException;
import io.camelexo.exchangeonline.error.ExoAuthenticationException;
import io.camelexo.exchangeonline.error.ExoException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * What a failed probe means for the person running the check: the service's answer (the component's message, which
 * holds no secret) and, where the cause is known, what to fix. A failure that stops every further call of the
 * service (sign-in, a missing Exchange role, an unreachable host) {@link #blocksService() blocks} it, so that the
 * report shows one cause instead of the same one on every line.
 */
record Diagnosis(String answer, String fix, boolean blocksService, String requestId) {

    /** What to do about an AADSTS code; the component's message already says what the code means. */
    private static final Map<String, String> SIGN_IN_FIXES = Map.of(
            "AADSTS7000215",
                    "Give the client secret's value (not its id) of a secret that exists on the app: Entra admin center,"
                            + " App registrations, the app, Certificates & secrets.",
            "AADSTS7000222", "Create a new client secret on the app registration and give its value.",
            "AADSTS700027",
                    "Upload the certificate's public key to the app registration (Certificates & secrets), or give the"
                            + " certificate that is registered there.",
            "AADSTS700016",
                    "Check --app-id, and that the app is registered in this tenant and in this cloud: an app registered"
                            + " in the commercial cloud does not exist in GCC High, DoD or 21Vianet (--environment).",
            "AADSTS90002",
                    "Check --organization and --environment: the tenant does not exist in this cloud (O365Default for"
                            + " commercial and GCC, O365USGovGCCHigh, O365USGovDoD, O365China).",
            "AADSTS65001",
                    "Grant admin consent for the application permission Exchange.ManageAsApp (Office 365 Exchange"
                            + " Online) on the app registration.",
            "AADSTS500011",
                    "The Exchange Online service principal is not in this tenant for this cloud: check --environment,"
                            + " and that the tenant has Exchange Online.");

    private static final String ROLE_TEXT = "The role assigned to application";

    static Diagnosis of(Throwable failure, boolean compliance) {
        ExoException exo = find(failure, ExoException.class);
        if (exo instanceof ExoAuthenticationException) {
            String code = exo.getErrorCode();
            String fix = code != null && SIGN_IN_FIXES.containsKey(code)
                    ? SIGN_IN_FIXES.get(code)
                    : exo.getMessage().contains(ROLE_TEXT)
                            ? roleFix(compliance)
                            : "Check --organization, --app-id and the certificate or secret, and --environment.";
            return new Diagnosis(exo.getMessage(), fix, true, exo.getRequestId());
        }
        if (exo instanceof ExoAccessDeniedException) {
            boolean noRole = exo.getMessage().contains(ROLE_TEXT);
            return new Diagnosis(
                    exo.getMessage(),
                    noRole
                            ? roleFix(compliance)
                            : compliance
                                    ? "Give the app a Security & Compliance role that includes this cmdlet (Compliance"
                                            + " Administrator, or a Purview role group)."
                                    : "Give the app an Exchange role that includes this cmdlet (Exchange Administrator,"
                                            + " or a role group with it).",
                    noRole,
                    exo.getRequestId());
        }
        if (exo != null) {
            return new Diagnosis(exo.getMessage(), null, false, exo.getRequestId());
        }
        Throwable unreachable = Stream.of(
                        ConnectException.class, UnknownHostException.class, HttpConnectTimeoutException.class)
                .map(type -> find(failure, type))
                .filter(Objects::nonNull)
                .findFirst()
                .orElse(null);
        if (unreachable != null) {
            return new Diagnosis(
                    describe(unreachable),
                    "Check the network path to Microsoft (proxy: --proxy-host, --proxy-port) and --environment.",
                    true,
                    null);
        }
        Throwable configuration = find(failure, IllegalArgumentException.class);
        if (configuration != null) {
            return new Diagnosis(
                    describe(configuration),
                    "Correct the option named in the message (README, \"Check your tenant\").",
                    true,
                    null);
        }
        return new Diagnosis(describe(deepest(failure)), null, false, null);
    }

    /** The missing Exchange RBAC role (docs/admin-api.md, "Sign-in: authorities and scopes"). */
    private static String roleFix(boolean compliance) {
        return "Assign the app's service principal an Entra role that Exchange accepts for app-only access: "
                + (compliance
                        ? "Compliance Administrator, or Global Reader for reading"
                        : "Exchange Administrator or Exchange Recipient Administrator, or Global Reader for reading")
                + " (or add it to a role group). Consent to Exchange.ManageAsApp alone is not enough.";
    }

    private static <T extends Throwable> T find(Throwable failure, Class<T> type) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (type.isInstance(cause)) {
                return type.cast(cause);
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return null;
    }

    private static Throwable deepest(Throwable failure) {
        Throwable cause = failure;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause;
    }

    private static String describe(Throwable cause) {
        String message = cause.getMessage();
        return message == null || message.isBlank() ? cause.getClass().getSimpleName() : message;
    }
}
