package dev.guildhall.teams;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.microsoft.bot.schema.Activity;
import com.microsoft.bot.schema.Serialization;
import dev.guildhall.core.Form;
import dev.guildhall.core.Message;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The core's forms as Adaptive Cards in a Teams dialog (task module): {@code Input.Text}, {@code Input.ChoiceSet}
 * (type-ahead from the bot for a suggested select), {@code Input.Date}, {@code Input.Time}, {@code Input.Number},
 * {@code Input.Toggle}; a problem shown under its field when the card comes back. The dialog opens from a card
 * button ({@code task/fetch}) and its submit arrives as {@code task/submit}.
 */
final class TeamsForms {
    /** Where a form's id, and a preview's confirmation, travel in the dialog's submit data. */
    static final String FORM_KEY = "guildhallForm";
    static final String CONFIRMED_KEY = "guildhallConfirmed";
    /** A type-ahead's dataset names the form and field: {@code learn/topic}. */
    private static final char DATASET_SEPARATOR = '/';
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private TeamsForms() {
    }

    /** The task module's answer that shows a card in the dialog. */
    static Map<String, Object> dialog(String title, ObjectNode card) {
        ObjectNode task = JSON.objectNode();
        ObjectNode value = task.putObject("task").put("type", "continue").putObject("value");
        value.put("title", title).put("height", "medium").put("width", "medium");
        value.set("card", Serialization.objectToTree(AdaptiveCards.attachment(card)));
        return Map.of("task", task.get("task"));
    }

    static ObjectNode card(Form form, Map<String, String> values, Map<String, String> problems) {
        ObjectNode card = JSON.objectNode().put("type", "AdaptiveCard")
                .put("$schema", "http://adaptivecards.io/schemas/adaptive-card.json").put("version", "1.5");
        ArrayNode body = card.putArray("body");
        Optional.ofNullable(problems.get("")).ifPresent(problem -> body.add(problem(problem)));
        for (Form.Field field : form.fields()) {
            body.add(input(form.id(), field, values.getOrDefault(field.name(), field.initial())));
            Optional.ofNullable(problems.get(field.name())).ifPresent(problem -> body.add(problem(problem)));
        }
        ObjectNode submit = card.putArray("actions").addObject().put("type", "Action.Submit")
                .put("title", form.submitLabel()).put("style", "positive");
        submit.putObject("data").put(FORM_KEY, form.id());
        return card;
    }

    /** A preview in the dialog: "Send" submits the same values again, confirmed. */
    static ObjectNode preview(String formId, Map<String, String> values, Message preview) {
        ObjectNode card = AdaptiveCards.card(preview);
        ObjectNode data = card.putArray("actions").addObject().put("type", "Action.Submit").put("title", "Send")
                .put("style", "positive").putObject("data");
        values.forEach(data::put);
        data.put(FORM_KEY, formId).put(CONFIRMED_KEY, true);
        return card;
    }

    private static ObjectNode input(String formId, Form.Field field, String value) {
        ObjectNode input = JSON.objectNode().put("id", field.name()).put("label", field.label())
                .put("isRequired", field.required());
        if (!field.hint().isEmpty()) {
            input.put("placeholder", field.hint());
        }
        switch (field.kind()) {
            case TEXT, LONG_TEXT -> input.put("type", "Input.Text").put("maxLength", field.max())
                    .put("isMultiline", field.kind() == Form.Kind.LONG_TEXT);
            case SELECT -> {
                input.put("type", "Input.ChoiceSet").put("style", "filtered");
                ArrayNode choices = input.putArray("choices");
                field.choices().forEach(choice -> choices.addObject().put("title", choice.label())
                        .put("value", choice.value()));
                if (field.suggested()) {
                    if (value != null) {
                        choices.addObject().put("title", value).put("value", value);
                    }
                    input.putObject("choices.data").put("type", "Data.Query")
                            .put("dataset", formId + DATASET_SEPARATOR + field.name());
                }
            }
            case DATE -> input.put("type", "Input.Date");
            case TIME -> input.put("type", "Input.Time");
            case NUMBER -> input.put("type", "Input.Number").put("min", field.min()).put("max", field.max());
            case CHECKBOX -> input.put("type", "Input.Toggle").put("title", field.label()).put("valueOn", "true")
                    .put("valueOff", "false");
        }
        if (value != null) {
            input.put("value", value);
        }
        return input;
    }

    private static ObjectNode problem(String text) {
        return JSON.objectNode().put("type", "TextBlock").put("text", text).put("color", "attention")
                .put("wrap", true).put("size", "small");
    }

    /** The submitted data: the form's id and the fields' values (keys of the form only, all as text). */
    static Map<String, String> values(JsonNode data, Form form) {
        Map<String, String> values = new LinkedHashMap<>();
        for (Form.Field field : form.fields()) {
            JsonNode value = data.path(field.name());
            if (!value.isMissingNode() && !value.isNull()) {
                values.put(field.name(), value.asText());
            }
        }
        return values;
    }

    /** The data of a dialog's submit or fetch: {@code value.data}. */
    static JsonNode data(Activity activity) {
        JsonNode value = Serialization.objectToTree(activity.getValue());
        return value == null ? JSON.missingNode() : value.path("data");
    }

    /** A type-ahead's form and field, from its dataset. */
    static Optional<String[]> dataset(JsonNode searchValue) {
        String dataset = searchValue.path("dataset").asText("");
        int at = dataset.indexOf(DATASET_SEPARATOR);
        return at <= 0 ? Optional.empty() : Optional.of(new String[] {dataset.substring(0, at),
                dataset.substring(at + 1)});
    }
}
