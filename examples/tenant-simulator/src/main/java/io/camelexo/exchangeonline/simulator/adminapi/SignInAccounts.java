package io.camelexo.exchangeonline.simulator.adminapi;

import io.camelexo.exchangeonline.simulator.tenant.Tenant;

/** Where New-Mailbox registers the account it creates, so that the user can then sign in (password grant). */
@FunctionalInterface
public interface SignInAccounts {

    void add(Tenant tenant, String userPrincipalName, String password);
}
