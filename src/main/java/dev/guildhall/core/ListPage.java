package dev.guildhall.core;

import java.util.List;

/**
 * One page of a long list and the way to the next: a list too long for one message is paged, never cut. The "more"
 * button carries where the next page starts ({@code guild.list:25}), so pressing it shows that page as a new answer.
 */
public record ListPage<T>(List<T> items, int from, int size, int total) {
    public ListPage {
        items = List.copyOf(items);
    }

    /** The page of {@code size} items starting at {@code from} (0-based) of everything there is. */
    public static <T> ListPage<T> of(List<T> all, int from, int size) {
        int start = Math.max(0, Math.min(from, all.size()));
        return new ListPage<>(all.subList(start, Math.min(all.size(), start + size)), start, size, all.size());
    }

    public boolean isPaged() {
        return items.size() < total;
    }

    public boolean hasMore() {
        return from + items.size() < total;
    }

    /** Which items this page shows, as people count: "26–50 of 301". */
    public String shown() {
        return range(from, from + items.size());
    }

    private String range(int start, int end) {
        return (start + 1) + "–" + end + " of " + total;
    }

    /** The message with a "more" button for the next page, if there is one. */
    public Message withMore(Message message, String action) {
        if (!hasMore()) {
            return message;
        }
        int next = from + items.size();
        return message.withButton(Message.Button.of(action + ":" + next,
                "Show more (" + range(next, Math.min(total, next + size)) + ")"));
    }
}
