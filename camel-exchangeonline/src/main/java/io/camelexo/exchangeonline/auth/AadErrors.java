package io.camelexo.exchangeonline.auth;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** AADSTS codes in sign-in errors, with what they mean for an Exchange admin app (the common cases). */
final class AadErrors {

    private static final Pattern AADSTS = Pattern.compile("AADSTS(\\d+)");

    private static final Map<String, String> MEANINGS = Map.of(
            "AADSTS7000215", "the client secret is wrong (use the secret's value, not its id)",
            "AADSTS7000222", "the client secret has expired",
            "AADSTS700027", "the certificate is not registered on the app, or the assertion is invalid",
            "AADSTS700016", "no application with this appId exists in the tenant",
            "AADSTS90002", "the tenant (organization) was not found",
            "AADSTS65001", "admin consent for Exchange.ManageAsApp is missing",
            "AADSTS50034", "the user account does not exist in the tenant",
            "AADSTS50126", "the user name or password is wrong",
            "AADSTS50076", "multi-factor authentication is required: use another sign-in method",
            "AADSTS500011", "the Exchange resource principal is not in the tenant (is Exchange Online licensed?)");

    private AadErrors() {}

    /** The first AADSTS code in the text, e.g. {@code AADSTS7000215}; null if none. */
    static String code(String text) {
        if (text == null) {
            return null;
        }
        Matcher matcher = AADSTS.matcher(text);
        return matcher.find() ? matcher.group() : null;
    }

    static String meaning(String code) {
        return code == null ? null : MEANINGS.get(code);
    }
}
