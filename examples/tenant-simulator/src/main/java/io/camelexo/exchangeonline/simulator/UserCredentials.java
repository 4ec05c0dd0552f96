package io.camelexo.exchangeonline.simulator;

/** A user account's sign-in name and password; toString hides the password. */
public record UserCredentials(String userPrincipalName, String password) {

    @Override
    public String toString() {
        return "UserCredentials[userPrincipalName=" + userPrincipalName + ", password=***]";
    }
}
