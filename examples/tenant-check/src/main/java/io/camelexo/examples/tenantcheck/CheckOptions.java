package io.camelexo.examples.tenantcheck;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.camel.util.StringHelper;

/**
 * The command line: the component's options under their own names (kebab or camel case, {@code --organization},
 * {@code --app-id}, {@code --certificate-file-path}, {@code --client-secret}, {@code --environment}, ...) for both exo
 * and scc, or for one of them with an {@code exo.} or {@code scc.} prefix ({@code --scc.connection-uri=...}); plus
 * the check's own {@code --test-mailbox} (the opt-in to writes) and {@code --report-dir}. A value may be a Camel
 * placeholder such as {@code {{env:EXO_CLIENT_SECRET}}}, so that no secret needs to be typed on the command line.
 *
 * @param exo options of the exo component (camel case)
 * @param scc options of the scc component (camel case)
 */
record CheckOptions(Map<String, String> exo, Map<String, String> scc, String testMailbox, Path reportDirectory) {

    static final String TEST_MAILBOX = "test-mailbox";
    static final String REPORT_DIR = "report-dir";

    /** Options that carry a credential: without one (or an explicit {@code auth}) an app-only sign-in cannot start. */
    private static final Set<String> CREDENTIALS = Set.of(
            "clientSecret", "certificateFilePath", "certificateThumbprint", "certificate", "accessToken", "password");

    CheckOptions {
        exo = Map.copyOf(exo);
        scc = Map.copyOf(scc);
    }

    /** @throws IllegalArgumentException naming the argument that is not {@code --name=value} or {@code --name value} */
    static CheckOptions parse(String... args) {
        Map<String, String> both = new LinkedHashMap<>();
        Map<String, String> exo = new LinkedHashMap<>();
        Map<String, String> scc = new LinkedHashMap<>();
        String testMailbox = null;
        Path reportDirectory = Path.of(".");
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (!arg.startsWith("--") || arg.length() == 2) {
                throw new IllegalArgumentException("Unexpected argument '" + arg + "': options are --name=value");
            }
            String name = arg.substring(2);
            String value;
            int equals = name.indexOf('=');
            if (equals >= 0) {
                value = name.substring(equals + 1);
                name = name.substring(0, equals);
            } else if (i + 1 < args.length && !args[i + 1].startsWith("--")) {
                value = args[++i];
            } else {
                throw new IllegalArgumentException("--" + name + " needs a value (--" + name + "=...)");
            }
            if (name.equals(TEST_MAILBOX)) {
                testMailbox = value.isBlank() ? null : value.strip();
            } else if (name.equals(REPORT_DIR)) {
                reportDirectory = Path.of(value);
            } else if (name.startsWith("exo.")) {
                exo.put(optionName(name.substring(4)), value);
            } else if (name.startsWith("scc.")) {
                scc.put(optionName(name.substring(4)), value);
            } else {
                both.put(optionName(name), value);
            }
        }
        // a later option replaces an earlier one; one for a single service wins over one for both
        return new CheckOptions(Map.of(), Map.of(), testMailbox, reportDirectory).with(both, exo, scc);
    }

    private static String optionName(String name) {
        return StringHelper.dashToCamelCase(name);
    }

    /** The tenant named on the command line; null runs the check against the built-in simulator. */
    String organization() {
        String organization = exo.get("organization");
        return organization == null || organization.isBlank() ? null : organization.strip();
    }

    String environment() {
        return exo.getOrDefault("environment", "O365Default");
    }

    /** These options added: {@code both} to each service's, then each service's own. */
    CheckOptions with(Map<String, String> both, Map<String, String> exoOnly, Map<String, String> sccOnly) {
        Map<String, String> newExo = new LinkedHashMap<>(exo);
        Map<String, String> newScc = new LinkedHashMap<>(scc);
        newExo.putAll(both);
        newScc.putAll(both);
        newExo.putAll(exoOnly);
        newScc.putAll(sccOnly);
        return new CheckOptions(newExo, newScc, testMailbox, reportDirectory);
    }

    /**
     * Why the sign-in cannot start, or null: an app-only check needs the app and its certificate or secret (an
     * explicit {@code auth} such as managedIdentity or deviceCode is taken as given).
     */
    String missingCredential() {
        if (exo.containsKey("auth")) {
            return null;
        }
        List<String> missing = new ArrayList<>();
        if (!exo.containsKey("appId")) {
            missing.add("--app-id");
        }
        if (CREDENTIALS.stream().noneMatch(exo::containsKey)) {
            missing.add("--certificate-file-path (with --certificate-password) or --client-secret");
        }
        return missing.isEmpty() ? null : "no " + String.join(" and no ", missing) + " given";
    }
}
