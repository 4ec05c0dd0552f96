package io.camelexo.examples.offboarding;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads and checks a leaver event, the same for HTTP and the drop folder:
 * {@code {"userPrincipalName": "anna@contoso.com", "manager": "ben@contoso.com", "effectiveDate": "2026-11-30",
 * "autoReplyMessage": "..."}}. Other fields are kept in the stored payload and otherwise ignored. Every problem is
 * reported at once, so that a sender can fix the event in one go.
 */
@Component
public class LeaverEventReader {

    /** Entra ID's limit for a user principal name. */
    private static final int MAX_UPN_LENGTH = 113;

    private static final int MAX_AUTO_REPLY_LENGTH = 4000;
    /** The payload column's size. */
    private static final int MAX_EVENT_LENGTH = 16000;

    private static final Pattern UPN =
            Pattern.compile("[A-Za-z0-9!#$%&'*+/=?^_`{|}~.-]+@[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)+");

    private final JsonMapper json;
    private final String defaultAutoReply;

    public LeaverEventReader(JsonMapper json, OffboardingProperties properties) {
        this.json = json;
        this.defaultAutoReply = properties.autoReplyMessage();
    }

    /** @throws InvalidLeaverEventException naming every problem found */
    public LeaverEvent read(String text) {
        if (text == null || text.isBlank()) {
            throw new InvalidLeaverEventException(
                    List.of("the event is empty; expected a JSON object with userPrincipalName, "
                            + "manager and effectiveDate"));
        }
        if (text.length() > MAX_EVENT_LENGTH) {
            throw new InvalidLeaverEventException(
                    List.of("the event is longer than " + MAX_EVENT_LENGTH + " characters"));
        }
        JsonNode event;
        try {
            event = json.readTree(text);
        } catch (JacksonException e) {
            throw new InvalidLeaverEventException(List.of("the event is not valid JSON: " + e.getOriginalMessage()));
        }
        if (!event.isObject()) {
            throw new InvalidLeaverEventException(List.of("the event must be a JSON object"));
        }
        List<String> problems = new ArrayList<>();
        String userPrincipalName = userPrincipalName(event, "userPrincipalName", problems);
        String manager = userPrincipalName(event, "manager", problems);
        if (userPrincipalName != null && userPrincipalName.equals(manager)) {
            problems.add("manager must be someone other than the leaver");
        }
        LocalDate effectiveDate = effectiveDate(event, problems);
        String autoReply = text(event, "autoReplyMessage", problems);
        if (autoReply != null && (autoReply.isBlank() || autoReply.length() > MAX_AUTO_REPLY_LENGTH)) {
            problems.add("autoReplyMessage must be 1 to " + MAX_AUTO_REPLY_LENGTH + " characters when given");
        }
        if (!problems.isEmpty()) {
            throw new InvalidLeaverEventException(problems);
        }
        return new LeaverEvent(
                userPrincipalName,
                manager,
                effectiveDate,
                autoReply != null ? autoReply : defaultAutoReply.replace("{manager}", manager));
    }

    /** Lower-case, as Exchange compares them without case and the event id must not depend on it. */
    private static String userPrincipalName(JsonNode event, String field, List<String> problems) {
        String value = text(event, field, problems);
        if (value == null) {
            if (isMissing(event, field)) {
                problems.add(field + " is required");
            }
            return null;
        }
        String upn = value.strip().toLowerCase(Locale.ROOT);
        if (upn.length() > MAX_UPN_LENGTH || !UPN.matcher(upn).matches()) {
            problems.add(field + " must be a user principal name such as anna@contoso.com, at most " + MAX_UPN_LENGTH
                    + " characters; got '" + abbreviated(value) + "'");
            return null;
        }
        return upn;
    }

    private static LocalDate effectiveDate(JsonNode event, List<String> problems) {
        String value = text(event, "effectiveDate", problems);
        if (value == null) {
            if (isMissing(event, "effectiveDate")) {
                problems.add("effectiveDate is required: the day the offboarding takes effect, as yyyy-MM-dd");
            }
            return null;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            problems.add("effectiveDate must be a date as yyyy-MM-dd; got '" + abbreviated(value) + "'");
            return null;
        }
    }

    private static boolean isMissing(JsonNode event, String field) {
        JsonNode node = event.get(field);
        return node == null || node.isNull();
    }

    /** The field's text; null when missing, or (with a problem) when it is not a string. */
    private static String text(JsonNode event, String field, List<String> problems) {
        if (isMissing(event, field)) {
            return null;
        }
        JsonNode node = event.get(field);
        if (!node.isString()) {
            problems.add(field + " must be a string");
            return null;
        }
        return node.stringValue();
    }

    private static String abbreviated(String value) {
        return value.length() <= 60 ? value : value.substring(0, 60) + "...";
    }
}
