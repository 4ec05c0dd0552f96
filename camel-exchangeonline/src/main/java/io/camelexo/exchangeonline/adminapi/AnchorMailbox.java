package io.camelexo.exchangeonline.adminapi;

/**
 * {@code X-AnchorMailbox} routing hints (docs/admin-api.md, "The InvokeCommand call"). The app-only form is not
 * confirmed: the module's own value lives in its closed .NET assembly; the SystemMailbox forms below are what working
 * public clients send. Change them here only.
 */
public final class AnchorMailbox {

    private static final String SYSTEM_MAILBOX = "SystemMailbox{bb558c35-97f1-4cb9-8ff7-d53741dc928c}";

    private AnchorMailbox() {}

    /** Delegated sign-in: the signed-in user, as the module does by default. */
    public static String forUser(String userPrincipalName) {
        return "UPN:" + userPrincipalName;
    }

    /** App-only: the organisation's system mailbox, by initial domain, or by tenant id when only the GUID is known. */
    public static String forApp(String tenant) {
        boolean tenantId = tenant.matches("[0-9a-fA-F-]{36}");
        return (tenantId ? "APP:" : "UPN:") + SYSTEM_MAILBOX + "@" + tenant;
    }
}
