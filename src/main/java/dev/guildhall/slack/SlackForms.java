package dev.guildhall.slack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.slack.api.model.block.InputBlock;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.composition.OptionObject;
import com.slack.api.model.block.composition.PlainTextObject;
import com.slack.api.model.block.element.BlockElement;
import com.slack.api.model.block.element.CheckboxesElement;
import com.slack.api.model.block.element.DatePickerElement;
import com.slack.api.model.block.element.ExternalSelectElement;
import com.slack.api.model.block.element.NumberInputElement;
import com.slack.api.model.block.element.PlainTextInputElement;
import com.slack.api.model.block.element.StaticSelectElement;
import com.slack.api.model.block.element.TimePickerElement;
import com.slack.api.model.view.View;
import com.slack.api.model.view.ViewClose;
import com.slack.api.model.view.ViewState;
import com.slack.api.model.view.ViewSubmit;
import com.slack.api.model.view.ViewTitle;
import dev.guildhall.core.ChannelId;
import dev.guildhall.core.Form;
import dev.guildhall.core.Json;
import dev.guildhall.core.Message;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The core's forms as Slack modals, and back: each field an input block (named after the field) holding a text
 * input, a static or external select, a datepicker, a timepicker in the person's zone, a number input or a checkbox.
 * What Slack must hand back on submission — which form, the channel it was opened in, for a preview the values —
 * travels in the view's {@code private_metadata}.
 */
final class SlackForms {
    static final String CALLBACK = "guildhall.form";
    /** Slack's limits: an option's text, a static select's options, a placeholder. */
    private static final int OPTION_TEXT = 75;
    private static final int OPTIONS = 100;
    private static final int PLACEHOLDER = 150;

    private SlackForms() {
    }

    /** What a modal carries through Slack and back. */
    record Metadata(String formId, Optional<String> channelId, Map<String, String> values, boolean confirmed) {
        String json() {
            ObjectNode node = Json.MAPPER.createObjectNode().put("form", formId);
            channelId.ifPresent(id -> node.put("channel", id));
            if (confirmed) {
                node.put("confirmed", true);
                ObjectNode saved = node.putObject("values");
                values.forEach(saved::put);
            }
            return node.toString();
        }

        static Metadata read(String json) {
            try {
                JsonNode node = Json.MAPPER.readTree(json == null || json.isBlank() ? "{}" : json);
                Map<String, String> values = new LinkedHashMap<>();
                node.path("values").fields().forEachRemaining(e -> values.put(e.getKey(), e.getValue().asText()));
                return new Metadata(node.path("form").asText(""),
                        Optional.ofNullable(node.path("channel").textValue()), values,
                        node.path("confirmed").asBoolean(false));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    static Optional<String> channelIdOf(Optional<ChannelId> channel) {
        return channel.map(SlackIds::channelId);
    }

    static View modal(Form form, Optional<String> channelId, Optional<ZoneId> zone) {
        List<LayoutBlock> blocks = form.fields().stream().map(field -> (LayoutBlock) input(field, zone)).toList();
        return View.builder().type("modal").callbackId(CALLBACK).title(title(form.title()))
                .submit(submit(form.submitLabel())).close(close("Cancel"))
                .privateMetadata(new Metadata(form.id(), channelId, Map.of(), false).json())
                .blocks(blocks).build();
    }

    /** The preview pushed over a form: what will be sent, "Send" to confirm, "Back" to change it. */
    static View preview(String formId, Optional<String> channelId, Map<String, String> values, Message preview) {
        return View.builder().type("modal").callbackId(CALLBACK).title(title("Preview"))
                .submit(submit("Send")).close(close("Back"))
                .privateMetadata(new Metadata(formId, channelId, values, true).json())
                .blocks(BlockKit.blocks(preview)).build();
    }

    private static InputBlock input(Form.Field field, Optional<ZoneId> zone) {
        return InputBlock.builder().blockId(field.name()).label(plain(field.label())).optional(!field.required())
                .element(element(field, zone)).build();
    }

    private static BlockElement element(Form.Field field, Optional<ZoneId> zone) {
        String initial = field.initial();
        PlainTextObject placeholder = field.hint().isEmpty() ? null : plain(cut(field.hint(), PLACEHOLDER));
        return switch (field.kind()) {
            case TEXT, LONG_TEXT -> PlainTextInputElement.builder().actionId(field.name())
                    .multiline(field.kind() == Form.Kind.LONG_TEXT).maxLength(field.max()).initialValue(initial)
                    .placeholder(placeholder).build();
            case SELECT -> field.suggested()
                    ? ExternalSelectElement.builder().actionId(field.name()).minQueryLength(1).placeholder(placeholder)
                    .initialOption(initial == null ? null : option(new Form.Choice(initial, initial))).build()
                    : StaticSelectElement.builder().actionId(field.name()).placeholder(placeholder)
                    .options(field.choices().stream().limit(OPTIONS).map(SlackForms::option).toList())
                    .initialOption(field.choices().stream().filter(c -> c.value().equals(initial)).findFirst()
                            .map(SlackForms::option).orElse(null)).build();
            case DATE -> DatePickerElement.builder().actionId(field.name()).initialDate(initial).build();
            // Slack shows the picker in the person's own zone and says which zone on submission.
            case TIME -> TimePickerElement.builder().actionId(field.name()).initialTime(initial)
                    .timezone(zone.map(ZoneId::getId).orElse(null)).build();
            case NUMBER -> NumberInputElement.builder().actionId(field.name()).decimalAllowed(false)
                    .minValue(String.valueOf(field.min())).maxValue(String.valueOf(field.max()))
                    .initialValue(initial).placeholder(placeholder).build();
            case CHECKBOX -> CheckboxesElement.builder().actionId(field.name())
                    .options(List.of(option(new Form.Choice("true", field.label()))))
                    .initialOptions("true".equals(initial) ? List.of(option(new Form.Choice("true", field.label())))
                            : null).build();
        };
    }

    static OptionObject option(Form.Choice choice) {
        return OptionObject.builder().text(plain(cut(choice.label(), OPTION_TEXT))).value(choice.value()).build();
    }

    /** The values Slack sent back, by field (block) name; an empty field is there as "". */
    static Map<String, String> values(View view) {
        Map<String, String> values = new LinkedHashMap<>();
        if (view.getState() == null || view.getState().getValues() == null) {
            return values;
        }
        view.getState().getValues().forEach((block, actions) -> actions.values().stream().findFirst()
                .ifPresent(value -> values.put(block, valueOf(value))));
        return values;
    }

    /** The zone a timepicker's time was picked in, when Slack says. */
    static Optional<ZoneId> pickedZone(View view) {
        if (view.getState() == null || view.getState().getValues() == null) {
            return Optional.empty();
        }
        return view.getState().getValues().values().stream().flatMap(actions -> actions.values().stream())
                .map(ViewState.Value::getTimezone).filter(zone -> zone != null && !zone.isBlank()).findFirst()
                .flatMap(zone -> {
                    try {
                        return Optional.of(ZoneId.of(zone));
                    } catch (java.time.DateTimeException e) {
                        return Optional.empty();
                    }
                });
    }

    private static String valueOf(ViewState.Value value) {
        String type = value.getType() == null ? "" : value.getType();
        String read = switch (type) {
            case "static_select", "external_select" -> value.getSelectedOption() == null ? null
                    : value.getSelectedOption().getValue();
            case "datepicker" -> value.getSelectedDate();
            case "timepicker" -> value.getSelectedTime();
            case "checkboxes" -> String.valueOf(value.getSelectedOptions() != null
                    && !value.getSelectedOptions().isEmpty());
            default -> value.getValue();
        };
        return read == null ? "" : read;
    }

    private static ViewTitle title(String text) {
        return ViewTitle.builder().type("plain_text").text(text).emoji(true).build();
    }

    private static ViewSubmit submit(String text) {
        return ViewSubmit.builder().type("plain_text").text(text).emoji(true).build();
    }

    private static ViewClose close(String text) {
        return ViewClose.builder().type("plain_text").text(text).emoji(true).build();
    }

    private static PlainTextObject plain(String text) {
        return PlainTextObject.builder().text(text).emoji(true).build();
    }

    private static String cut(String text, int limit) {
        return text.length() <= limit ? text : text.substring(0, limit - 1) + "…";
    }
}
