package io.camelexo.exchangeonline.auth;

import com.microsoft.aad.msal4j.OpenBrowserAction;
import io.camelexo.exchangeonline.text.GivenText;
import java.nio.charset.StandardCharsets;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What the user gave to sign in with: the method and its credential, as the module's Connect-* parameters. Checked
 * when built, so a contradictory or incomplete sign-in fails naming the option:
 * <ul>
 *     <li>an empty text counts as not given, so that an endpoint can clear a component default ({@code accessToken=}
 *     next to a component's {@code accessTokenProvider}); identifiers are stripped, secrets kept as given ({@link GivenText});</li>
 *     <li>without {@code method}, the method is the one the only credential given belongs to;</li>
 *     <li>one credential at most, the one the method uses, and everything the method needs.</li>
 * </ul>
 * {@link #toString()} and {@link #identity()} never contain a secret.
 *
 * @param method        the {@code auth} option; null = follow from the credential given
 * @param appId         null = the module's public client for delegated sign-in
 * @param signInTimeout how long a person may take to finish a device code or browser sign-in; null = 15 minutes
 */
public record Credentials(
        ExoAuthMethod method,
        String appId,
        String clientSecret,
        String certificateFilePath,
        String certificatePassword,
        String certificateThumbprint,
        KeyStore.PrivateKeyEntry certificate,
        String accessToken,
        ExoAccessTokenProvider accessTokenProvider,
        String managedIdentityAccountId,
        String userPrincipalName,
        String password,
        ExoDeviceCodeListener deviceCodeListener,
        OpenBrowserAction browser,
        Duration signInTimeout,
        String tokenCacheFile) {

    /** "Microsoft Exchange REST API Based PowerShell": the module's public client, present in every tenant. */
    public static final String MODULE_PUBLIC_CLIENT_ID = "fb78d390-0c51-40cd-8e17-fdbfab77341b";

    private static final Duration DEFAULT_SIGN_IN_TIMEOUT = Duration.ofMinutes(15);

    public Credentials {
        appId = GivenText.identifier(appId);
        clientSecret = GivenText.secret(clientSecret);
        certificateFilePath = GivenText.identifier(certificateFilePath);
        certificateThumbprint = GivenText.identifier(certificateThumbprint);
        accessToken = GivenText.secret(accessToken);
        managedIdentityAccountId = GivenText.identifier(managedIdentityAccountId);
        userPrincipalName = GivenText.identifier(userPrincipalName);
        password = GivenText.secret(password);
        tokenCacheFile = GivenText.identifier(tokenCacheFile);
        signInTimeout = signInTimeout != null ? signInTimeout : DEFAULT_SIGN_IN_TIMEOUT;
        Map<String, ExoAuthMethod> given = givenCredentials(
                clientSecret,
                certificate,
                certificateFilePath,
                certificateThumbprint,
                accessToken,
                accessTokenProvider,
                password);
        method = checkedMethod(method, given);
        if (method == ExoAuthMethod.credential
                ? userPrincipalName == null || password == null
                : method.needs() != null && given.isEmpty()) {
            throw new IllegalArgumentException("auth=" + method + " needs " + method.needs());
        }
        if ((method == ExoAuthMethod.certificate || method == ExoAuthMethod.clientSecret) && appId == null) {
            throw new IllegalArgumentException(
                    "auth=" + method + " needs appId (the app registration's application id)");
        }
        if (tokenCacheFile != null && !method.isDelegated()) {
            throw new IllegalArgumentException(
                    "tokenCacheFile keeps delegated sign-ins (deviceCode, credential, interactive), not auth="
                            + method);
        }
        if (signInTimeout.isNegative() || signInTimeout.isZero()) {
            throw new IllegalArgumentException(
                    "signInTimeout must be more than 0, got " + signInTimeout.toMillis() + " ms");
        }
        if (appId == null && method.isDelegated()) {
            appId = MODULE_PUBLIC_CLIENT_ID;
        }
    }

    /** The credential options given, by option name, each with the method it belongs to. */
    private static Map<String, ExoAuthMethod> givenCredentials(
            String clientSecret,
            KeyStore.PrivateKeyEntry certificate,
            String certificateFilePath,
            String certificateThumbprint,
            String accessToken,
            ExoAccessTokenProvider accessTokenProvider,
            String password) {
        Map<String, ExoAuthMethod> given = new LinkedHashMap<>();
        if (clientSecret != null) {
            given.put("clientSecret", ExoAuthMethod.clientSecret);
        }
        // the certificate options describe one certificate together (a key store and a thumbprint in it): one
        // credential
        String certificateOption = certificate != null
                ? "certificate"
                : certificateFilePath != null
                        ? "certificateFilePath"
                        : certificateThumbprint != null ? "certificateThumbprint" : null;
        if (certificateOption != null) {
            given.put(certificateOption, ExoAuthMethod.certificate);
        }
        if (accessToken != null) {
            given.put("accessToken", ExoAuthMethod.accessToken);
        }
        if (accessTokenProvider != null) {
            given.put("accessTokenProvider", ExoAuthMethod.accessToken);
        }
        if (password != null) {
            given.put("password", ExoAuthMethod.credential);
        }
        return given;
    }

    /** The explicit method, else the one the only credential given implies; refuses a credential the method does not use. */
    private static ExoAuthMethod checkedMethod(ExoAuthMethod explicit, Map<String, ExoAuthMethod> given) {
        if (given.size() > 1) {
            throw new IllegalArgumentException(
                    "Give one credential, not " + String.join(" and ", given.keySet()) + " at once");
        }
        Map.Entry<String, ExoAuthMethod> only =
                given.isEmpty() ? null : given.entrySet().iterator().next();
        if (explicit == null && only == null) {
            throw new IllegalArgumentException(
                    "No credential: set auth (" + Arrays.toString(ExoAuthMethod.values()) + ") and its credential");
        }
        ExoAuthMethod method = explicit != null ? explicit : only.getValue();
        if (only != null && only.getValue() != method) {
            throw new IllegalArgumentException("auth=" + method
                    + (method.needs() != null ? " needs " + method.needs() + ", not " : " does not use ")
                    + only.getKey());
        }
        return method;
    }

    /**
     * Everything that makes two credentials the same sign-in: plain values, a SHA-256 digest of the secrets, and
     * the identity of supplied objects. Safe to print.
     */
    public List<Object> identity() {
        return List.of(
                String.valueOf(method),
                String.valueOf(appId),
                String.valueOf(certificateFilePath),
                String.valueOf(certificateThumbprint),
                String.valueOf(managedIdentityAccountId),
                String.valueOf(userPrincipalName),
                String.valueOf(tokenCacheFile),
                digest(clientSecret, certificatePassword, accessToken, password),
                new Identity(certificate),
                new Identity(accessTokenProvider),
                new Identity(deviceCodeListener),
                new Identity(browser));
    }

    /** Compares the wrapped object by identity: two beans with equal state are still two credentials. */
    private record Identity(Object bean) {
        @Override
        public boolean equals(Object other) {
            return other instanceof Identity identity && identity.bean == bean;
        }

        @Override
        public int hashCode() {
            return System.identityHashCode(bean);
        }

        @Override
        public String toString() {
            return bean == null ? "-" : bean.getClass().getSimpleName();
        }
    }

    private static String digest(String... secrets) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            for (String secret : secrets) {
                // a presence byte first, so that a missing secret and the text "null" differ
                sha256.update((byte) (secret == null ? 0 : 1));
                if (secret != null) {
                    sha256.update(secret.getBytes(StandardCharsets.UTF_8));
                    sha256.update((byte) 0);
                }
            }
            return "secrets:" + HexFormat.of().formatHex(sha256.digest(), 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    /** Equal when {@link #identity()} is: supplied beans count by identity, not by their own equals. */
    @Override
    public boolean equals(Object other) {
        return other instanceof Credentials credentials
                && credentials.identity().equals(identity());
    }

    @Override
    public int hashCode() {
        return Objects.hash(identity().toArray());
    }

    @Override
    public String toString() {
        return "Credentials[method=" + method + ", appId=" + appId + ", userPrincipalName=" + userPrincipalName
                + ", certificateFilePath=" + certificateFilePath + ", certificateThumbprint=" + certificateThumbprint
                + "]";
    }
}
