package io.camelexo.exchangeonline;

import org.apache.camel.spi.Metadata;

/** Message headers of the exo and scc components. */
public final class ExoConstants {

    @Metadata(
            label = "producer",
            description = "Cmdlet to run instead of the one in the endpoint URI; still subject to commandName.",
            javaType = "String")
    public static final String CMDLET = "CamelExoCmdlet";

    @Metadata(
            label = "producer",
            description =
                    "Cmdlet parameters merged over those of the endpoint URI (typed values: "
                            + "Boolean for switches, List for multi-valued parameters, Map for hashtables, java.time types for dates).",
            javaType = "java.util.Map<String, Object>")
    public static final String PARAMETERS = "CamelExoParameters";

    @Metadata(
            label = "common",
            description =
                    "The client-request-id of the call (the same on every page and retry); quote it to Microsoft support.",
            javaType = "String")
    public static final String REQUEST_ID = "CamelExoRequestId";

    @Metadata(
            label = "producer",
            description = "Warnings the cmdlet wrote (the paging notice is left out while pages are followed). "
                    + "With outputType=Stream the list fills as pages are read.",
            javaType = "java.util.List<String>")
    public static final String WARNINGS = "CamelExoWarnings";

    @Metadata(
            label = "producer",
            description = "Number of records in the body (outputType List or Single); with bulk=true, the number of "
                    + "entries (one per item).",
            javaType = "Integer")
    public static final String RESULT_COUNT = "CamelExoResultCount";

    @Metadata(
            label = "producer",
            description = "With bulk=true: number of entries of the body whose Error is set (the body's size is in "
                    + "CamelExoResultCount).",
            javaType = "Integer")
    public static final String FAILED_COUNT = "CamelExoFailedCount";

    @Metadata(
            label = "consumer",
            description = "On each record of a time-window feed: its stable unique key (an audit record's Identity), "
                    + "the same when a record is read again; use it for an idempotent sink.",
            javaType = "String")
    public static final String RECORD_ID = "CamelExoRecordId";

    @Metadata(
            label = "consumer",
            description = "On each record of a time-window feed: the start of the window it was read in (inclusive).",
            javaType = "java.time.Instant")
    public static final String WINDOW_START = "CamelExoWindowStart";

    @Metadata(
            label = "consumer",
            description = "On each record of a time-window feed: the end of the window it was read in (inclusive); "
                    + "the feed's watermark moves here once every record of the window was processed.",
            javaType = "java.time.Instant")
    public static final String WINDOW_END = "CamelExoWindowEnd";

    private ExoConstants() {}
}
