package io.camelexo.exchangeonline.adminapi;

import java.net.URI;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Where a session's Admin API calls go: {@code {base}/adminapi/beta/{tenant}/...}. The base starts as the
 * cloud's host (or {@code connectionUri}) and is pinned to the regional host the service redirects to
 * (SCC front door, some EXO tenants) for the rest of the session.
 */
public final class ServiceLocation {

    private final URI configuredBase;
    private final String tenant;
    private final AtomicReference<URI> pinnedBase = new AtomicReference<>();

    public ServiceLocation(URI configuredBase, String tenant) {
        this.configuredBase = stripPath(configuredBase);
        this.tenant = tenant;
    }

    public static ServiceLocation of(
            ExoEnvironment environment, ExoService service, String connectionUri, String tenant) {
        URI base = connectionUri != null && !connectionUri.isBlank()
                ? URI.create(connectionUri.trim())
                : URI.create("https://" + environment.serviceHost(service));
        return new ServiceLocation(base, tenant);
    }

    /** The base in use now: the pinned regional host once known, else the configured one. */
    public URI base() {
        URI pinned = pinnedBase.get();
        return pinned != null ? pinned : configuredBase;
    }

    public URI configuredBase() {
        return configuredBase;
    }

    public String tenant() {
        return tenant;
    }

    /** {@code {base}/adminapi/beta/{tenant}/{relative}}; relative may carry a query. */
    public URI resolve(String relative) {
        String base = base().toString();
        return URI.create(base + "/adminapi/beta/" + UriEncoding.encode(tenant) + "/" + relative);
    }

    /**
     * The connect-time module file, which embeds the session's RSA key for SecureString parameters
     * (docs/admin-api.md, "Hosts and clouds").
     */
    public URI moduleFile(String moduleVersion) {
        return URI.create(base() + "/adminapi/v1.0/" + UriEncoding.encode(tenant) + "/EXOModuleFile?Version="
                + UriEncoding.encode(moduleVersion));
    }

    /**
     * Pins the regional host named by a redirect's Location header and returns the new base, or returns null (and
     * pins nothing) when the Location leads off the service's hosts, where the token must not follow.
     * The front door points at {@code {prefix}.admin.protection.outlook.com:446}, while the REST service lives on
     * {@code {prefix}.{service host}:443}: the first DNS label is kept and the service host rebuilt. A Location
     * on a host of the service is taken as it is, if it keeps the scheme. While the base is a literal address or
     * localhost (a simulator), only another port of that same host is taken.
     */
    public URI pinRedirect(URI location) {
        URI current = base();
        URI absolute = current.resolve(location);
        String locationHost =
                absolute.getHost() == null ? "" : absolute.getHost().toLowerCase(Locale.ROOT);
        String serviceHost = configuredBase.getHost().toLowerCase(Locale.ROOT);
        boolean sameScheme = configuredBase.getScheme().equalsIgnoreCase(absolute.getScheme());
        URI regional;
        if (isLiteralOrLocal(serviceHost) || locationHost.endsWith("." + serviceHost)) {
            if (!sameScheme || !(locationHost.equals(serviceHost) || locationHost.endsWith("." + serviceHost))) {
                return null;
            }
            regional = URI.create(absolute.getScheme() + "://" + absolute.getRawAuthority());
        } else {
            String prefix = locationHost.substring(
                    0, locationHost.indexOf('.') > 0 ? locationHost.indexOf('.') : locationHost.length());
            regional = URI.create("https://" + prefix + "." + serviceHost);
        }
        pinnedBase.set(regional);
        return regional;
    }

    /**
     * Whether a URL the service handed out (a nextLink) may receive the bearer token: same scheme and port as the base
     * in use, on the base's host or a host of the service's domain.
     */
    public boolean isServiceUri(URI uri) {
        URI base = base();
        String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
        String serviceHost = configuredBase.getHost().toLowerCase(Locale.ROOT);
        return base.getScheme().equalsIgnoreCase(uri.getScheme())
                && port(base) == port(uri)
                && (host.equals(base.getHost().toLowerCase(Locale.ROOT))
                        || host.equals(serviceHost)
                        || host.endsWith("." + serviceHost));
    }

    private static int port(URI uri) {
        return uri.getPort() != -1 ? uri.getPort() : "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
    }

    /** Maps a URL of the old base onto the pinned one (a request re-issued after the redirect). */
    public URI rebase(URI uri) {
        URI target = base();
        return URI.create(target.getScheme() + "://" + target.getRawAuthority() + uri.getRawPath()
                + (uri.getRawQuery() != null ? "?" + uri.getRawQuery() : ""));
    }

    private static boolean isLiteralOrLocal(String host) {
        return host.equals("localhost") || host.matches("[0-9.]+") || host.contains(":");
    }

    private static URI stripPath(URI uri) {
        if (uri.getScheme() == null || uri.getHost() == null) {
            throw new IllegalArgumentException("connectionUri must be an absolute http(s) URI, got: " + uri);
        }
        return URI.create(uri.getScheme() + "://" + uri.getRawAuthority());
    }
}
