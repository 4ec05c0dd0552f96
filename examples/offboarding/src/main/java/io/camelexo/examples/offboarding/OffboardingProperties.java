package io.camelexo.examples.offboarding;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * offboarding.*: where events come from and how hard a step is tried.
 *
 * @param dropFolder        folder watched for leaver events as *.json files; processed files move to .done, rejected
 *                          ones to .error
 * @param dropFolderSettle  a dropped file is read once it has not changed for this long (writers need not rename)
 * @param pollInterval      how often the event table is checked for due events
 * @param autoReplyMessage  the automatic reply of an event that brings none; {manager} becomes the manager's address
 * @param stepRetries       how often a step that failed transiently (throttled, 5xx, no answer) is run again before
 *                          the event is dead-lettered; on top of the component's own retries, which never re-send a
 *                          write that may have run, while the steps are idempotent and can be re-run
 * @param stepRetryDelay    the wait before the first of those retries, doubled for each next one
 */
@ConfigurationProperties(prefix = "offboarding")
public record OffboardingProperties(
        @DefaultValue("data/leavers") Path dropFolder,
        @DefaultValue("1s") Duration dropFolderSettle,
        @DefaultValue("1s") Duration pollInterval,

        @DefaultValue("This mailbox is no longer monitored. Please contact {manager} instead.")
        String autoReplyMessage,

        @DefaultValue("4") int stepRetries,
        @DefaultValue("5s") Duration stepRetryDelay) {}
