package io.camelexo.exchangeonline.auth;

/**
 * Receives the device code of a {@code auth=deviceCode} sign-in, e.g. to post it to a chat channel or a ticket,
 * besides the WARN log line the component always writes.
 */
@FunctionalInterface
public interface ExoDeviceCodeListener {

    /**
     * @param userCode        the code to enter
     * @param verificationUri where to enter it, e.g. https://microsoft.com/devicelogin
     * @param message         Entra ID's instruction text
     */
    void onDeviceCode(String userCode, String verificationUri, String message);
}
