package dev.guildhall.core;

import java.util.Objects;

/**
 * A file the bot shares: a chart, an export. {@code summary} is the text said with it, so nobody has to open the
 * file to get the point (and screen readers and text-only clients get it too).
 */
public record FileUpload(String fileName, String mediaType, byte[] content, String title, String summary) {
    public FileUpload {
        Objects.requireNonNull(fileName, "fileName");
        Objects.requireNonNull(mediaType, "mediaType");
        Objects.requireNonNull(content, "content");
        if (fileName.isBlank() || fileName.contains("/") || fileName.contains("\\")) {
            throw new IllegalArgumentException("a file name without folders, not " + fileName);
        }
        title = title == null || title.isBlank() ? fileName : title;
        summary = summary == null ? "" : summary;
    }

    public static FileUpload png(String fileName, byte[] content, String title, String summary) {
        return new FileUpload(fileName, "image/png", content, title, summary);
    }

    public boolean isImage() {
        return mediaType.startsWith("image/");
    }
}
