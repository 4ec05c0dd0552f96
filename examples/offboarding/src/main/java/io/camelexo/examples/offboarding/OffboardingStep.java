package io.camelexo.examples.offboarding;

/**
 * The steps of an offboarding, in the order they run: access first (phones stop syncing, group mail stops), then the
 * mailbox is handed over. Each is idempotent, so running one again is harmless.
 */
public enum OffboardingStep {
    REMOVE_MOBILE_DEVICES("remove-mobile-devices", "mobile devices removed"),
    REMOVE_FROM_DISTRIBUTION_GROUPS("remove-from-distribution-groups", "removed from its distribution groups"),
    CONVERT_TO_SHARED("convert-to-shared", "converted to a shared mailbox"),
    HIDE_FROM_ADDRESS_LISTS("hide-from-address-lists", "hidden from the address lists"),
    GRANT_MANAGER_FULL_ACCESS("grant-manager-full-access", "manager granted FullAccess"),
    SET_AUTO_REPLY("set-auto-reply", "automatic reply enabled, inside and outside the organization");

    private final String id;
    private final String outcome;

    OffboardingStep(String id, String outcome) {
        this.id = id;
        this.outcome = outcome;
    }

    /** The name in the audit trail, which is also the step's route id. */
    public String id() {
        return id;
    }

    /** The route that runs the step. */
    public String uri() {
        return "direct:" + id;
    }

    /** What the audit trail says when the step has nothing more specific to add. */
    public String outcome() {
        return outcome;
    }
}
