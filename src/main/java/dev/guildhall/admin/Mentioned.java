package dev.guildhall.admin;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.guildhall.core.Json;
import dev.guildhall.core.PersonId;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Whole mentions of one person inside text somebody else wrote, and nothing else: their id as a whole token, a
 * mention token (the core's {@code ⟦@id|label⟧}, Slack {@code <@U123>} or {@code <@U123|name>}, Teams
 * {@code <at>Name</at>}), or
 * {@code @name} standing alone, whatever its case. A word that merely contains their name ("annotation" for ann,
 * "WAITING" for someone named Waiting) is not a mention. JSON is read as JSON: only string values change, and a
 * value changes only where this same rule finds a mention in it.
 */
final class Mentioned {
    static final String SOMEONE = "@someone";
    // A mention ends where no name character follows: a dot or an apostrophe ends it unless the name goes on after
    // it ("@ann." and "@ann's" mention ann; "@ann.lee" and "@o'brien" do not mention ann or o).
    private static final String END = "(?![\\p{L}\\p{N}_-])(?!\\.[\\p{L}\\p{N}_])(?!'(?!s(?![\\p{L}\\p{N}_]))\\p{L})";
    private static final String NOT_INSIDE_A_WORD = "(?<![\\p{L}\\p{N}_.@:-])";

    private final Pattern idToken;
    private final String tombstone;
    private final List<Pattern> mentions = new ArrayList<>();
    private final List<String> ids;
    private final List<String> names;

    /**
     * @param ids   every id that names them: their person id first, then platform ids (a Teams {@code 29:…} id)
     * @param names what people call them: their display name, and their console name
     */
    Mentioned(PersonId person, PersonId tombstone, List<String> ids, List<String> names) {
        this.tombstone = tombstone.value();
        this.ids = List.copyOf(ids);
        this.names = names.stream().map(String::strip).filter(name -> !name.isEmpty()).distinct().toList();
        this.idToken = Pattern.compile(NOT_INSIDE_A_WORD + Pattern.quote(person.value()) + "(?![\\p{L}\\p{N}_:-])");
        // The core's own token, as adapters hand mentions in: its label is the name the writer saw, so it goes too.
        mentions.add(Pattern.compile("\u27E6@" + Pattern.quote(person.value()) + "\\|[^\u27E6\u27E7]*\u27E7"));
        if (person.platform().equals("slack")) {
            // Slack writes only the user's own id (U…/W…), without the workspace the person id also carries.
            String userId = person.value().substring(person.value().lastIndexOf(':') + 1);
            mentions.add(Pattern.compile("<@" + Pattern.quote(userId) + "(?:\\|[^>]*)?>"));
        }
        for (String name : this.names) {
            mentions.add(Pattern.compile("<at>\\s*" + Pattern.quote(name) + "\\s*</at>",
                    Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE));
            mentions.add(Pattern.compile(NOT_INSIDE_A_WORD + "@" + Pattern.quote(name) + END,
                    Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE));
        }
    }

    /** Substrings a row must contain to possibly mention them (a cheap filter before reading it). */
    List<String> hints() {
        List<String> hints = new ArrayList<>(ids);
        hints.add("@");
        hints.add("<at>");
        return hints;
    }

    String inText(String text) {
        if (text == null) {
            return null;
        }
        String scrubbed = idToken.matcher(text).replaceAll(Matcher.quoteReplacement(tombstone));
        for (Pattern mention : mentions) {
            scrubbed = mention.matcher(scrubbed).replaceAll(Matcher.quoteReplacement(SOMEONE));
        }
        return scrubbed;
    }

    /** The JSON with mentions replaced in its string values; empty when nothing in it mentions them. */
    Optional<String> inJson(String json) {
        if (json == null) {
            return Optional.empty();
        }
        JsonNode tree;
        try {
            tree = Json.MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON column holds something that is not JSON", e);
        }
        if (!walk(tree)) {
            return Optional.empty();
        }
        try {
            return Optional.of(Json.MAPPER.writeValueAsString(tree));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private boolean walk(JsonNode node) {
        boolean changed = false;
        if (node instanceof ObjectNode object) {
            boolean describesThem = false;
            for (Iterator<Map.Entry<String, JsonNode>> fields = object.fields(); fields.hasNext(); ) {
                Map.Entry<String, JsonNode> field = fields.next();
                JsonNode value = field.getValue();
                if (value.isTextual() && ids.contains(value.asText())) {
                    describesThem = true;
                    field.setValue(TextNode.valueOf(value.asText().equals(ids.get(0)) ? tombstone : SOMEONE));
                    changed = true;
                } else if (value.isTextual()) {
                    String scrubbed = inText(value.asText());
                    if (!scrubbed.equals(value.asText())) {
                        field.setValue(TextNode.valueOf(scrubbed));
                        changed = true;
                    }
                } else {
                    changed |= walk(value);
                }
            }
            // An account object naming them by id (a Teams conversation reference's user) names them in full.
            if (describesThem) {
                object.fields().forEachRemaining(field -> {
                    if (field.getValue().isTextual() && isTheirName(field.getValue().asText())) {
                        field.setValue(TextNode.valueOf(SOMEONE));
                    }
                });
            }
        } else if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                JsonNode value = array.get(i);
                if (value.isTextual()) {
                    String scrubbed = ids.contains(value.asText()) ? SOMEONE : inText(value.asText());
                    if (!scrubbed.equals(value.asText())) {
                        array.set(i, TextNode.valueOf(scrubbed));
                        changed = true;
                    }
                } else {
                    changed |= walk(value);
                }
            }
        }
        return changed;
    }

    private boolean isTheirName(String value) {
        return names.stream().anyMatch(name -> name.toLowerCase(Locale.ROOT).equals(value.strip().toLowerCase(Locale.ROOT)));
    }

    static List<String> namesOf(PersonId person, Optional<String> displayName) {
        Set<String> names = new java.util.LinkedHashSet<>();
        displayName.ifPresent(names::add);
        if (person.platform().equals("console")) {
            names.add(person.localPart());
        }
        return List.copyOf(names);
    }
}
