package io.camelexo.exchangeonline;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.camelexo.exchangeonline.adminapi.CallOptions;
import io.camelexo.exchangeonline.adminapi.CmdletRequest;
import io.camelexo.exchangeonline.adminapi.ExoService;
import io.camelexo.exchangeonline.adminapi.NamePartitions;
import io.camelexo.exchangeonline.adminapi.RequestGovernor;
import io.camelexo.exchangeonline.adminapi.RetryPolicy;
import io.camelexo.exchangeonline.auth.Credentials;
import io.camelexo.exchangeonline.error.ExoException;
import io.camelexo.exchangeonline.feed.AuditLogReader;
import io.camelexo.exchangeonline.feed.FeedSchedule;
import io.camelexo.exchangeonline.feed.MessageTraceReader;
import io.camelexo.exchangeonline.feed.WindowReader;
import io.camelexo.exchangeonline.session.ExoSession;
import io.camelexo.exchangeonline.session.SessionSettings;
import io.camelexo.exchangeonline.session.SessionThroughput;
import io.camelexo.exchangeonline.text.GivenText;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import javax.net.ssl.SSLContext;
import org.apache.camel.Category;
import org.apache.camel.Consumer;
import org.apache.camel.Processor;
import org.apache.camel.Producer;
import org.apache.camel.spi.EndpointServiceLocation;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.UriEndpoint;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriPath;
import org.apache.camel.support.ScheduledPollEndpoint;

/**
 * Runs one cmdlet (or a local cmdlet such as Get-ConnectionInformation) of Exchange Online or Security & Compliance.
 * The endpoint owns its session for its lifetime: started = signed in, stopped = released. In from(), a read cmdlet is
 * polled: each poll runs it to the end and hands on every record as an exchange of its own.
 */
@UriEndpoint(
        firstVersion = "0.1.0",
        scheme = "exo,scc",
        title = "Exchange Online,Security and Compliance",
        syntax = "exo:cmdlet",
        lenientProperties = true,
        remote = true,
        category = {Category.CLOUD, Category.MANAGEMENT},
        headersClass = ExoConstants.class)
public class ExoEndpoint extends ScheduledPollEndpoint implements EndpointServiceLocation {

    private static final ObjectMapper RECORD_MAPPER =
            new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private static final String DEFAULT_FEED_START = "P1D";

    static final Set<String> SECRET_OPTIONS = Set.of("clientSecret", "certificatePassword", "accessToken", "password");

    @UriPath(
            description =
                    "The cmdlet to run, e.g. Get-Mailbox, Set-Mailbox, Get-EXOMailbox, Get-RetentionCompliancePolicy, "
                            + "or a local cmdlet: Get-ConnectionInformation, Disconnect-ExchangeOnline.")
    @Metadata(required = true)
    private final String cmdlet;

    @UriParam
    private final ExoConfiguration configuration;

    private final ExoService service;
    private SessionSettings sessionSettings;
    private CallOptions callOptions;
    private ExoSession session;
    /** The windows of a time-window feed (Search-UnifiedAuditLog, Get-MessageTraceV2); null for any other cmdlet. */
    private FeedSchedule feedSchedule;

    ExoEndpoint(String uri, ExoComponent component, String scheme, String cmdlet, ExoConfiguration configuration) {
        super(uri, component);
        this.service = ExoService.forScheme(scheme);
        this.cmdlet = cmdlet;
        this.configuration = configuration;
    }

    @Override
    public boolean isLenientProperties() {
        // PascalCase cmdlet parameters pass through; ExoComponent rejects unknown lower-case options itself
        return true;
    }

    @Override
    public Producer createProducer() {
        return new ExoProducer(this);
    }

    @Override
    public Consumer createConsumer(Processor processor) throws Exception {
        CmdletRequest request = pollRequest();
        if (!request.isRead()) {
            throw new IllegalArgumentException(getEndpointBaseUri() + " cannot be polled: from() runs read cmdlets "
                    + "only (Get-, Search-, Test-); " + cmdlet + " changes the tenant, use it in to()");
        }
        if (feedSchedule != null) {
            // refused here rather than at the first poll: a route that cannot keep its place should not start
            feedReader();
        }
        ExoConsumer consumer = new ExoConsumer(this, processor);
        configureConsumer(consumer);
        return consumer;
    }

    /** Whether from() reads this cmdlet window by window from a saved watermark rather than whole each poll. */
    boolean isTimeWindowFeed() {
        return feedSchedule != null;
    }

    FeedSchedule feedSchedule() {
        return feedSchedule;
    }

    /** Reads a window of the feed through this endpoint's session, with the URI's parameters as filters. */
    WindowReader feedReader() {
        return windowReader(cmdlet, uriParameters());
    }

    /** Reads windows of Search-UnifiedAuditLog or Get-MessageTraceV2 through this endpoint's session. */
    WindowReader windowReader(String cmdletName, Map<String, Object> filters) {
        CallOptions windowCalls = callOptions.withServiceEndingResultSize();
        if (isMessageTrace(cmdletName)) {
            return new MessageTraceReader(
                    request -> session.invoke(request, windowCalls),
                    filters,
                    selectedProperties(),
                    configuration.getPageSize(),
                    getComponent().messageTraceQuota(sessionSettings.organization()));
        }
        return new AuditLogReader(
                request -> session.invoke(request, windowCalls),
                filters,
                selectedProperties(),
                configuration.getPageSize());
    }

    /** The longest window one query of the cmdlet may span; null when the reader splits windows itself. */
    static Duration longestWindow(String cmdletName) {
        return isMessageTrace(cmdletName) ? MessageTraceReader.MAX_SPAN : null;
    }

    /** How far back the service keeps what the feed reads. */
    Duration feedRetention() {
        return isMessageTrace() ? MessageTraceReader.RETENTION : AuditLogReader.RETENTION;
    }

    private boolean isMessageTrace() {
        return isMessageTrace(cmdlet);
    }

    private static boolean isMessageTrace(String cmdletName) {
        return MessageTraceReader.CMDLET.equalsIgnoreCase(cmdletName);
    }

    /** Where a feed without a saved watermark begins. */
    Instant feedStart(Instant now) {
        return FeedSchedule.startDate(
                configuration.getStartDate() != null ? configuration.getStartDate() : DEFAULT_FEED_START, now);
    }

    /**
     * The key of the feed's watermark: given, or derived from what the feed reads (service, organization, cmdlet,
     * parameters), so that a changed filter starts a feed of its own instead of resuming another's.
     */
    String feedId() {
        String given = GivenText.identifier(configuration.getFeedId());
        if (given != null) {
            return given;
        }
        String identity =
                service + "|" + sessionSettings.organization() + "|" + configuration.getDelegatedOrganization() + "|"
                        + cmdlet.toLowerCase(Locale.ROOT) + "|" + new TreeMap<>(configuration.getParameters());
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(identity.getBytes(StandardCharsets.UTF_8));
            return cmdlet + "-" + HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    /** The request each poll sends: the URI's cmdlet and parameters, read to the end unless ResultSize is given. */
    CmdletRequest pollRequest() {
        Map<String, Object> parameters = uriParameters();
        CmdletRequest request =
                new CmdletRequest(cmdlet, parameters, selectedProperties(), configuration.getPageSize());
        if (request.parameter("ResultSize") != null) {
            return request;
        }
        parameters.put("ResultSize", "Unlimited");
        return new CmdletRequest(cmdlet, parameters, selectedProperties(), configuration.getPageSize());
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        session = getComponent()
                .sessions()
                .acquire(
                        sessionSettings,
                        new SessionThroughput(
                                configuration.getMaxConcurrentRequests(),
                                getComponent().pageFetcher(),
                                getComponent().callObservers()));
    }

    @Override
    protected void doStop() throws Exception {
        if (session != null) {
            getComponent().sessions().release(session);
            session = null;
        }
        super.doStop();
    }

    /**
     * Turns the options into the endpoint's settings while it is created; a contradictory or incomplete option fails
     * here, naming the option (the rules live with the settings they check). The configuration is only read: an
     * empty value that clears a component default stays as the user wrote it.
     */
    void configure() throws Exception {
        ExoConfiguration c = configuration;
        CmdletRequest.checkPageSize(c.getPageSize());
        callOptions = new CallOptions(
                new RetryPolicy(
                        c.getMaxRetries(),
                        Duration.ofMillis(c.getRetryInitialDelay()),
                        Duration.ofMillis(c.getRetryMaxDelay())),
                Duration.ofMillis(c.getRequestTimeout()),
                !c.isBypassMailboxAnchoring(),
                c.getPrefetchPages(),
                c.getParallelPaging(),
                c.getBatchSize(),
                false);
        RequestGovernor.checkLimit(c.getMaxConcurrentRequests());
        NamePartitions.checkCmdlet(cmdlet, c.getParallelPaging());
        feedSchedule = feedSchedule(c);
        NamePartitions.checkResultSize(
                new CmdletRequest(cmdlet, c.getParameters(), List.of(), c.getPageSize()).parameter("ResultSize"),
                c.getParallelPaging());
        Credentials credentials = new Credentials(
                c.getAuth(),
                c.getAppId(),
                c.getClientSecret(),
                c.getCertificateFilePath(),
                c.getCertificatePassword(),
                c.getCertificateThumbprint(),
                c.getCertificate(),
                c.getAccessToken(),
                c.getAccessTokenProvider(),
                c.getManagedIdentityAccountId(),
                c.getUserPrincipalName(),
                c.getPassword(),
                c.getDeviceCodeListener(),
                c.getOpenBrowserAction(),
                Duration.ofMillis(c.getSignInTimeout()),
                c.getTokenCacheFile());
        SSLContext sslContext =
                c.getSslContextParameters() != null ? getComponent().sslContext(c.getSslContextParameters()) : null;
        sessionSettings = new SessionSettings(
                service,
                c.getEnvironment(),
                c.getConnectionUri(),
                c.getAzureADAuthorizationEndpointUri(),
                c.getOrganization(),
                c.getDelegatedOrganization(),
                credentials,
                sslContext,
                proxy(),
                Duration.ofMillis(c.getConnectTimeout()),
                c.getIdentityHttpClient(),
                c.getSecureStringPublicKey());
    }

    /**
     * The schedule of a Search-UnifiedAuditLog or Get-MessageTraceV2 feed (a message trace window at most the 10 days
     * one query may span); feed options on any other cmdlet are refused, not ignored.
     */
    private FeedSchedule feedSchedule(ExoConfiguration c) {
        if (!AuditLogReader.CMDLET.equalsIgnoreCase(cmdlet) && !isMessageTrace()) {
            boolean feedOptionGiven = c.getStartDate() != null
                    || c.getFeedId() != null
                    || c.getStateRepository() != null
                    || !"PT1H".equals(c.getWindowSize())
                    || !"PT1H".equals(c.getIngestionLag())
                    || !"PT0S".equals(c.getOverlap());
            if (feedOptionGiven) {
                throw new IllegalArgumentException("startDate, windowSize, ingestionLag, overlap, stateRepository and "
                        + "feedId apply to time-window feeds only: " + AuditLogReader.CMDLET + " or "
                        + MessageTraceReader.CMDLET + " in from(), not " + cmdlet);
            }
            return null;
        }
        Duration retention = isMessageTrace() ? MessageTraceReader.RETENTION : AuditLogReader.RETENTION;
        Instant now = Instant.now();
        if (c.getStartDate() != null
                && FeedSchedule.startDate(c.getStartDate(), now).isBefore(now.minus(retention))) {
            throw new IllegalArgumentException("startDate " + c.getStartDate() + " is before the " + retention.toDays()
                    + " days the service keeps for " + cmdlet);
        }
        Duration windowSize = FeedSchedule.duration("windowSize", c.getWindowSize());
        if (isMessageTrace() && windowSize.compareTo(MessageTraceReader.MAX_SPAN) > 0) {
            windowSize = MessageTraceReader.MAX_SPAN;
        }
        return new FeedSchedule(
                windowSize,
                FeedSchedule.duration("ingestionLag", c.getIngestionLag()),
                FeedSchedule.duration("overlap", c.getOverlap()));
    }

    private InetSocketAddress proxy() {
        String host = GivenText.identifier(configuration.getProxyHost());
        Integer port = configuration.getProxyPort();
        if ((host == null) != (port == null)) {
            throw new IllegalArgumentException("proxyHost and proxyPort go together");
        }
        if (port != null && (port < 1 || port > 65535)) {
            throw new IllegalArgumentException("proxyPort must be between 1 and 65535, got " + port);
        }
        return host != null ? InetSocketAddress.createUnresolved(host, port) : null;
    }

    /**
     * The record as outputClass. A record that does not fit fails as an ExoException naming the class and the property;
     * Jackson's own message and cause are left out, since they quote the value, which may be anything a cmdlet returns.
     */
    Object toOutput(Map<String, Object> record) {
        Class<?> outputClass = configuration.getOutputClass();
        if (outputClass == null || outputClass.isInstance(record)) {
            return record;
        }
        try {
            return RECORD_MAPPER.convertValue(record, outputClass);
        } catch (IllegalArgumentException e) {
            String property = e.getCause() instanceof JsonMappingException mapping
                    ? mapping.getPath().stream()
                            .map(reference -> reference.getFieldName() != null
                                    ? reference.getFieldName()
                                    : "[" + reference.getIndex() + "]")
                            .collect(Collectors.joining("."))
                    : "";
            String failure = e.getCause() != null
                    ? e.getCause().getClass().getSimpleName()
                    : e.getClass().getSimpleName();
            throw new ExoException(
                    "A record cannot be converted to outputClass " + outputClass.getName()
                            + (property.isEmpty() ? "" : ", property " + property) + " (" + failure + ")",
                    null);
        }
    }

    CallOptions callOptions() {
        return callOptions;
    }

    /** The cmdlet parameters of the URI, in the order written. */
    Map<String, Object> uriParameters() {
        return new LinkedHashMap<>(configuration.getParameters());
    }

    List<String> selectedProperties() {
        if (isBlank(configuration.getSelect())) {
            return List.of();
        }
        return Arrays.stream(configuration.getSelect().split(","))
                .map(String::strip)
                .filter(s -> !s.isEmpty())
                .toList();
    }

    ExoSession getSession() {
        return session;
    }

    @Override
    public ExoComponent getComponent() {
        return (ExoComponent) super.getComponent();
    }

    public String getCmdlet() {
        return cmdlet;
    }

    public ExoConfiguration getConfiguration() {
        return configuration;
    }

    @Override
    public String getServiceUrl() {
        return session != null
                ? String.valueOf(session.connectionInformation().get("ConnectionUri"))
                : sessionSettings.connectionUri() != null
                        ? sessionSettings.connectionUri()
                        : "https://" + sessionSettings.environment().serviceHost(service);
    }

    @Override
    public String getServiceProtocol() {
        return "https";
    }

    @Override
    public Map<String, String> getServiceMetadata() {
        Map<String, String> metadata = new LinkedHashMap<>();
        metadata.put("environment", sessionSettings.environment().name());
        if (sessionSettings.organization() != null) {
            metadata.put("organization", sessionSettings.organization());
        }
        return metadata;
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
