package io.camelexo.exchangeonline.auth;

import com.microsoft.aad.msal4j.OpenBrowserAction;

import java.nio.charset.StandardCharsets;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;

/**
 * What the user gave to sign in with: the method and its credential, as the module's Connect-* parameters.
 * {@link #toString()} and {@link #identity()} never contain a secret.
 */
public final class Credentials {

    /** "Microsoft Exchange REST API Based PowerShell": the module's public client, present in every tenant. */
    public static final String MODULE_PUBLIC_CLIENT_ID = "fb78d390-0c51-40cd-8e17-fdbfab77341b";

    private ExoAuthMethod method;
    private String appId;
    private String clientSecret;
    private String certificateFilePath;
    private String certificatePassword;
    private String certificateThumbprint;
    private KeyStore.PrivateKeyEntry certificate;
    private String accessToken;
    private ExoAccessTokenProvider accessTokenProvider;
    private String managedIdentityAccountId;
    private String userPrincipalName;
    private String password;
    private ExoDeviceCodeListener deviceCodeListener;
    private OpenBrowserAction browser;
    private Duration signInTimeout = Duration.ofMinutes(15);
    private String tokenCacheFile;

    public ExoAuthMethod method() {
        return method;
    }

    public Credentials method(ExoAuthMethod method) {
        this.method = method;
        return this;
    }

    /** The configured app id, or the module's public client for delegated sign-in. */
    public String appId() {
        return appId == null && method != null && method.isDelegated() ? MODULE_PUBLIC_CLIENT_ID : appId;
    }

    public Credentials appId(String appId) {
        this.appId = appId;
        return this;
    }

    public String clientSecret() {
        return clientSecret;
    }

    public Credentials clientSecret(String clientSecret) {
        this.clientSecret = clientSecret;
        return this;
    }

    public String certificateFilePath() {
        return certificateFilePath;
    }

    public Credentials certificateFilePath(String certificateFilePath) {
        this.certificateFilePath = certificateFilePath;
        return this;
    }

    public String certificatePassword() {
        return certificatePassword;
    }

    public Credentials certificatePassword(String certificatePassword) {
        this.certificatePassword = certificatePassword;
        return this;
    }

    public String certificateThumbprint() {
        return certificateThumbprint;
    }

    public Credentials certificateThumbprint(String certificateThumbprint) {
        this.certificateThumbprint = certificateThumbprint;
        return this;
    }

    public KeyStore.PrivateKeyEntry certificate() {
        return certificate;
    }

    public Credentials certificate(KeyStore.PrivateKeyEntry certificate) {
        this.certificate = certificate;
        return this;
    }

    public String accessToken() {
        return accessToken;
    }

    public Credentials accessToken(String accessToken) {
        this.accessToken = accessToken;
        return this;
    }

    public ExoAccessTokenProvider accessTokenProvider() {
        return accessTokenProvider;
    }

    public Credentials accessTokenProvider(ExoAccessTokenProvider accessTokenProvider) {
        this.accessTokenProvider = accessTokenProvider;
        return this;
    }

    public String managedIdentityAccountId() {
        return managedIdentityAccountId;
    }

    public Credentials managedIdentityAccountId(String managedIdentityAccountId) {
        this.managedIdentityAccountId = managedIdentityAccountId;
        return this;
    }

    public String userPrincipalName() {
        return userPrincipalName;
    }

    public Credentials userPrincipalName(String userPrincipalName) {
        this.userPrincipalName = userPrincipalName;
        return this;
    }

    public String password() {
        return password;
    }

    public Credentials password(String password) {
        this.password = password;
        return this;
    }

    public ExoDeviceCodeListener deviceCodeListener() {
        return deviceCodeListener;
    }

    public Credentials deviceCodeListener(ExoDeviceCodeListener deviceCodeListener) {
        this.deviceCodeListener = deviceCodeListener;
        return this;
    }

    public OpenBrowserAction browser() {
        return browser;
    }

    public Credentials browser(OpenBrowserAction browser) {
        this.browser = browser;
        return this;
    }

    public Duration signInTimeout() {
        return signInTimeout;
    }

    public Credentials signInTimeout(Duration signInTimeout) {
        this.signInTimeout = signInTimeout;
        return this;
    }

    public String tokenCacheFile() {
        return tokenCacheFile;
    }

    public Credentials tokenCacheFile(String tokenCacheFile) {
        this.tokenCacheFile = tokenCacheFile;
        return this;
    }

    /**
     * Everything that makes two credentials the same sign-in: plain values, a SHA-256 digest of the secrets, and
     * the identity of supplied objects. Safe to print.
     */
    public List<Object> identity() {
        return List.of(String.valueOf(method), String.valueOf(appId()), String.valueOf(certificateFilePath),
                String.valueOf(certificateThumbprint), String.valueOf(managedIdentityAccountId), String.valueOf(userPrincipalName),
                String.valueOf(tokenCacheFile), digest(clientSecret, certificatePassword, accessToken, password),
                new Identity(certificate), new Identity(accessTokenProvider), new Identity(deviceCodeListener), new Identity(browser));
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
                sha256.update(String.valueOf(secret).getBytes(StandardCharsets.UTF_8));
                sha256.update((byte) 0);
            }
            return "secrets:" + HexFormat.of().formatHex(sha256.digest(), 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Credentials credentials && credentials.identity().equals(identity());
    }

    @Override
    public int hashCode() {
        return Objects.hash(identity().toArray());
    }

    @Override
    public String toString() {
        return "Credentials[method=" + method + ", appId=" + appId() + ", userPrincipalName=" + userPrincipalName
                + ", certificateFilePath=" + certificateFilePath + ", certificateThumbprint=" + certificateThumbprint + "]";
    }
}
