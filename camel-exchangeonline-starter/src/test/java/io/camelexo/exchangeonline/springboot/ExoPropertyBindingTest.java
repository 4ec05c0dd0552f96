package io.camelexo.exchangeonline.springboot;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.aad.msal4j.IHttpClient;
import io.camelexo.exchangeonline.ExoComponent;
import io.camelexo.exchangeonline.ExoConfiguration;
import io.camelexo.exchangeonline.ExoConnection;
import io.camelexo.exchangeonline.ExoEndpoint;
import io.camelexo.exchangeonline.ExoOutputType;
import io.camelexo.exchangeonline.adminapi.ExoEnvironment;
import io.camelexo.exchangeonline.auth.ExoAccessTokenProvider;
import io.camelexo.exchangeonline.auth.ExoAuthMethod;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.camel.CamelContext;
import org.apache.camel.spring.boot.CamelAutoConfiguration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Every kind of option bound from properties, on the components and on connections; bad values stop the start naming the property. */
@ExtendWith(OutputCaptureExtension.class)
class ExoPropertyBindingTest {

    static final String SECRET = "Q~s3cr3t.Value_from-the-vault";
    /** Only bound, never sent: endpoints are created here, not started. */
    static final String TOKEN = "eyJ0eXAiOiJKV1QifQ.access-token-from-the-vault.c2ln";

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(CamelAutoConfiguration.class, ExoAutoConfiguration.class))
            .withUserConfiguration(Beans.class)
            .withSystemProperties("EXO_CLIENT_SECRET=" + SECRET);

    @Configuration(proxyBeanMethods = false)
    static class Beans {
        @Bean
        ExoAccessTokenProvider tokenProvider() {
            return (scope, forceRefresh) -> null;
        }

        @Bean
        IHttpClient identityRouter() {
            return request -> null;
        }

        @Bean
        ExoConfiguration chinaDefaults() {
            ExoConfiguration configuration = new ExoConfiguration();
            configuration.setEnvironment(ExoEnvironment.O365China);
            configuration.setMaxRetries(1);
            return configuration;
        }
    }

    private static ExoConfiguration componentOptions(CamelContext camel, String scheme) {
        return camel.getComponent(scheme, ExoComponent.class).getConfiguration();
    }

    private static ExoConfiguration endpointOptions(CamelContext camel, String uri) throws Exception {
        return ((ExoEndpoint) camel.getComponent(uri.substring(0, 3)).createEndpoint(uri)).getConfiguration();
    }

    @Test
    void everyKindOfComponentOptionBinds(CapturedOutput output) {
        runner.withPropertyValues(
                        "camel.component.exo.environment=O365USGovGCCHigh", // enum
                        "camel.component.exo.output-type=Stream",
                        "camel.component.exo.auth=clientSecret",
                        "camel.component.exo.client-secret=${EXO_CLIENT_SECRET}", // secret from the environment
                        "camel.component.exo.access-token-provider=#tokenProvider", // bean references
                        "camel.component.exo.identity-http-client=#identityRouter",
                        "camel.component.exo.bypass-mailbox-anchoring=true", // booleans
                        "camel.component.exo.lazy-start-producer=true",
                        "camel.component.exo.page-size=250", // numbers and durations
                        "camel.component.exo.proxy-port=3128",
                        "camel.component.exo.retry-initial-delay=5s",
                        "camel.component.exo.request-timeout=90000",
                        "camel.component.exo.output-class=java.util.TreeMap", // class
                        "camel.component.exo.parameters.ResultSize=Unlimited", // cmdlet parameters
                        "camel.component.exo.connection=contoso",
                        "camel.component.scc.environment=O365USGovDoD",
                        "camel.component.scc.azureADAuthorizationEndpointUri=https://login.microsoftonline.us/contoso.onmicrosoft.com")
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    CamelContext camel = context.getBean(CamelContext.class);
                    ExoConfiguration exo = componentOptions(camel, "exo");
                    assertThat(exo.getEnvironment()).isEqualTo(ExoEnvironment.O365USGovGCCHigh);
                    assertThat(exo.getOutputType()).isEqualTo(ExoOutputType.Stream);
                    assertThat(exo.getAuth()).isEqualTo(ExoAuthMethod.clientSecret);
                    assertThat(exo.getClientSecret()).isEqualTo(SECRET);
                    assertThat(exo.getAccessTokenProvider()).isSameAs(context.getBean(ExoAccessTokenProvider.class));
                    assertThat(exo.getIdentityHttpClient()).isSameAs(context.getBean(IHttpClient.class));
                    assertThat(exo.isBypassMailboxAnchoring()).isTrue();
                    assertThat(camel.getComponent("exo", ExoComponent.class).isLazyStartProducer())
                            .isTrue();
                    assertThat(exo.getPageSize()).isEqualTo(250);
                    assertThat(exo.getProxyPort()).isEqualTo(3128);
                    assertThat(exo.getRetryInitialDelay()).isEqualTo(5000);
                    assertThat(exo.getRequestTimeout()).isEqualTo(90000);
                    assertThat(exo.getOutputClass()).isEqualTo(java.util.TreeMap.class);
                    assertThat(exo.getParameters()).containsExactly(Map.entry("ResultSize", "Unlimited"));
                    assertThat(exo.getConnection()).isEqualTo("contoso");
                    // scc is configured on its own: exo's options do not leak into it
                    ExoConfiguration scc = componentOptions(camel, "scc");
                    assertThat(scc.getEnvironment()).isEqualTo(ExoEnvironment.O365USGovDoD);
                    assertThat(scc.getAzureADAuthorizationEndpointUri())
                            .isEqualTo("https://login.microsoftonline.us/contoso.onmicrosoft.com");
                    assertThat(scc.getClientSecret()).isNull();
                    assertThat(scc.getPageSize()).isEqualTo(1000);
                    assertThat(output.getAll()).doesNotContain(SECRET);
                });
    }

    @Test
    void defaultsOfThePropertiesNeverOverrideAConfigurationBean() {
        runner.withPropertyValues(
                        "camel.component.exo.configuration=#chinaDefaults", "camel.component.exo.page-size=10")
                .run(context -> {
                    ExoConfiguration exo = componentOptions(context.getBean(CamelContext.class), "exo");
                    assertThat(exo).isSameAs(context.getBean(ExoConfiguration.class));
                    assertThat(exo.getEnvironment()).isEqualTo(ExoEnvironment.O365China);
                    assertThat(exo.getMaxRetries()).isEqualTo(1);
                    assertThat(exo.getPageSize()).isEqualTo(10);
                });
    }

    @Test
    void aConnectionHoldsExactlyTheOptionsWrittenForIt() {
        runner.withPropertyValues(
                        "camel.component.exo.page-size=100",
                        "camel.exchangeonline.connections.contoso.organization=contoso.onmicrosoft.com",
                        "camel.exchangeonline.connections.contoso.environment=O365USGovGCCHigh",
                        "camel.exchangeonline.connections.contoso.access-token=" + TOKEN,
                        "camel.exchangeonline.connections.contoso.bypass-mailbox-anchoring=true",
                        "camel.exchangeonline.connections.contoso.max-retries=2",
                        "camel.exchangeonline.connections.contoso.retry-max-delay=30s",
                        "camel.exchangeonline.connections.contoso.parameters.ResultSize=Unlimited",
                        "camel.exchangeonline.connections.fabrikam.organization=fabrikam.onmicrosoft.com",
                        "camel.exchangeonline.connections.fabrikam.client-secret=${EXO_CLIENT_SECRET}",
                        "camel.exchangeonline.connections.fabrikam.app-id=6c2b9d50-0000-4000-8000-000000000001",
                        "camel.exchangeonline.connections.fabrikam.identity-http-client=#identityRouter")
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    Map<String, Object> contoso =
                            context.getBean("contoso", ExoConnection.class).options();
                    assertThat(contoso)
                            .containsEntry("environment", ExoEnvironment.O365USGovGCCHigh)
                            .containsEntry("bypassMailboxAnchoring", true)
                            .containsEntry("maxRetries", 2)
                            .containsEntry("retryMaxDelay", Duration.ofSeconds(30))
                            .containsEntry("parameters.ResultSize", "Unlimited")
                            .doesNotContainKeys("pageSize", "outputType", "parameters");
                    Map<String, Object> fabrikam = new LinkedHashMap<>(
                            context.getBean("fabrikam", ExoConnection.class).options());
                    assertThat(fabrikam)
                            .containsEntry("clientSecret", SECRET)
                            .containsEntry("identityHttpClient", "#identityRouter");
                    assertThat(context.getBean("fabrikam", ExoConnection.class).toString())
                            .doesNotContain(SECRET);

                    // created, not started: starting signs in
                    CamelContext camel = context.getBean(CamelContext.class);
                    ExoConfiguration endpoint =
                            endpointOptions(camel, "exo:Get-Mailbox?connection=contoso&maxRetries=3");
                    assertThat(endpoint.getEnvironment()).isEqualTo(ExoEnvironment.O365USGovGCCHigh);
                    assertThat(endpoint.getPageSize())
                            .as("component option, not overridden by the connection's default")
                            .isEqualTo(100);
                    assertThat(endpoint.getMaxRetries())
                            .as("URI over connection")
                            .isEqualTo(3);
                    assertThat(endpoint.getRetryMaxDelay()).isEqualTo(30000);
                    assertThat(endpoint.getParameters()).containsEntry("ResultSize", "Unlimited");
                    ExoConfiguration fabrikamEndpoint = endpointOptions(camel, "scc:Get-Label?connection=fabrikam");
                    assertThat(fabrikamEndpoint.getClientSecret()).isEqualTo(SECRET);
                    assertThat(fabrikamEndpoint.getIdentityHttpClient()).isSameAs(context.getBean(IHttpClient.class));
                });
    }

    @Test
    void aWrongValueStopsTheStartNamingTheProperty() {
        runner.withPropertyValues("camel.component.exo.environment=Moon")
                .run(context -> assertThat(context)
                        .getFailure()
                        .hasStackTraceContaining("camel.component.exo.environment")
                        .hasStackTraceContaining("ExoEnvironment"));
        runner.withPropertyValues("camel.exchangeonline.connections.contoso.environment=Moon")
                .run(context -> assertThat(context)
                        .getFailure()
                        .hasStackTraceContaining("camel.exchangeonline.connections.contoso.environment"));
        runner.withPropertyValues("camel.component.scc.page-size=many")
                .run(context ->
                        assertThat(context).getFailure().hasStackTraceContaining("camel.component.scc.page-size"));
        runner.withPropertyValues("camel.exchangeonline.connections.contoso.retry-max-delay=soon")
                .run(context -> assertThat(context)
                        .getFailure()
                        .hasStackTraceContaining("camel.exchangeonline.connections.contoso.retry-max-delay"));
    }
}
