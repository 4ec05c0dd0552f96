package io.camelexo.exchangeonline.simulator.entra;

import java.time.Instant;
import java.util.List;

/**
 * What the Admin API needs from a verified access token.
 *
 * @param user   UPN of a delegated token, null for app-only
 * @param roles  app roles (app-only), e.g. Exchange.ManageAsApp
 * @param scopes delegated permissions ({@code scp}), empty for app-only
 */
public record AccessTokenClaims(
        String tenantId,
        String appId,
        String audience,
        String user,
        String tokenId,
        Instant expires,
        List<String> roles,
        List<String> scopes) {}
