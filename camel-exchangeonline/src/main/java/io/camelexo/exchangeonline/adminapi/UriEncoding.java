package io.camelexo.exchangeonline.adminapi;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** Percent-encoding for path segments and query values of Admin API URLs. */
final class UriEncoding {

    private UriEncoding() {}

    /** Spaces become %20, not '+', which is right in both places. */
    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
