package dev.guildhall.admin;

import dev.guildhall.core.Json;
import dev.guildhall.core.FileUpload;
import org.jdbi.v3.core.Handle;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * All of the store as files: one JSON document (table → rows) and a zip of one CSV per table. Files shared through
 * the outbox are left out of it (their bytes would be exports of exports); their rows stay.
 */
public final class DataExport {
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")
            .withZone(ZoneOffset.UTC);

    private final Map<String, List<String>> columns = new LinkedHashMap<>();
    private final Map<String, List<Map<String, Object>>> rows = new LinkedHashMap<>();
    private final String stamp;

    private DataExport(String stamp) {
        this.stamp = stamp;
    }

    public static DataExport read(Handle handle, Instant now) {
        DataExport export = new DataExport(STAMP.format(now));
        StoreTables.read(handle).forEach((table, tableColumns) -> {
            List<String> names = tableColumns.stream().map(StoreTables.Column::name).toList();
            List<Map<String, Object>> tableRows = new ArrayList<>();
            handle.createQuery("SELECT " + String.join(", ", names) + " FROM " + table + " ORDER BY 1")
                    .mapToMap().forEach(row -> {
                        Map<String, Object> ordered = new LinkedHashMap<>();
                        names.forEach(name -> ordered.put(name, row.get(name)));
                        if (table.equals("outbox") && String.valueOf(ordered.get("kind")).startsWith("FILE_")) {
                            ordered.put("payload", "(a shared file, not exported)");
                        }
                        tableRows.add(ordered);
                    });
            export.columns.put(table, names);
            export.rows.put(table, tableRows);
        });
        return export;
    }

    public Map<String, Integer> counts() {
        Map<String, Integer> counts = new LinkedHashMap<>();
        rows.forEach((table, tableRows) -> counts.put(table, tableRows.size()));
        return counts;
    }

    public FileUpload json() {
        try {
            byte[] bytes = Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsBytes(Map.of("exported_at", stamp, "tables", rows));
            return new FileUpload("guildhall-export-" + stamp + ".json", "application/json", bytes,
                    "Guildhall export " + stamp + " (JSON)", summary());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One CSV per table, zipped, so a spreadsheet opens any of them. */
    public FileUpload csvZip() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (Map.Entry<String, List<String>> table : columns.entrySet()) {
                zip.putNextEntry(new ZipEntry(table.getKey() + ".csv"));
                zip.write(csv(table.getKey()).getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new FileUpload("guildhall-export-" + stamp + "-csv.zip", "application/zip", bytes.toByteArray(),
                "Guildhall export " + stamp + " (CSV per table)", summary());
    }

    public String csv(String table) {
        List<String> names = columns.get(table);
        StringBuilder out = new StringBuilder(String.join(",", names)).append("\r\n");
        for (Map<String, Object> row : rows.get(table)) {
            out.append(names.stream().map(name -> cell(row.get(name))).collect(Collectors.joining(",")))
                    .append("\r\n");
        }
        return out.toString();
    }

    private static String cell(Object value) {
        if (value == null) {
            return "";
        }
        String text = String.valueOf(value);
        boolean quote = text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r");
        return quote ? '"' + text.replace("\"", "\"\"") + '"' : text;
    }

    public Map<String, String> csvFiles() {
        Map<String, String> files = new LinkedHashMap<>();
        columns.keySet().forEach(table -> files.put(table + ".csv", csv(table)));
        return files;
    }

    private String summary() {
        int total = rows.values().stream().mapToInt(List::size).sum();
        return "Every table of the Guildhall store: " + rows.size() + " tables, " + total + " rows.";
    }
}
