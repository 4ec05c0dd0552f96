package io.camelexo.exchangeonline.simulator;

/** An app registration's client id and secret; toString hides the secret. */
public record AppCredentials(String appId, String clientSecret) {

    @Override
    public String toString() {
        return "AppCredentials[appId=" + appId + ", clientSecret=***]";
    }
}
