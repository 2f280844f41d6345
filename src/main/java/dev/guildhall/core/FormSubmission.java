package dev.guildhall.core;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A form filled in and sent: by whom (whose {@link Person#timeZone()} is the zone a time field means, as the
 * platform reports it), where it was opened, which form and the values by field name. {@code confirmed} is false for
 * the first send of a form that shows a preview before acting (see the form's capability).
 */
public record FormSubmission(Person submitter, Optional<ChannelId> channel, String formId, Map<String, String> values,
                             boolean confirmed) {
    public FormSubmission {
        Objects.requireNonNull(submitter, "submitter");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(formId, "formId");
        // Typed into a form, a token's brackets are text like any other typed text: they must not become a mention.
        values = values.entrySet().stream().collect(java.util.stream.Collectors.toUnmodifiableMap(Map.Entry::getKey,
                entry -> Mentions.inert(entry.getValue())));
    }
}
