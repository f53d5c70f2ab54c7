package navsync.sandbox.persist;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;

import navsync.sandbox.json.Json;
import navsync.sandbox.schema.Attribute;
import navsync.sandbox.schema.EntityType;
import navsync.sandbox.store.DataStore;
import navsync.sandbox.store.EntityReference;
import navsync.sandbox.store.Row;
import navsync.sandbox.store.Table;

/**
 * Saves the store to a JSON file and loads it back, so a standalone demo survives a restart: every row with its
 * version, the deletion log (change tracking goes on across restarts) and the version counter. Values keep their
 * stored types (decimals as exact strings, lookups with their table). Written to a temporary file and moved into
 * place, so a crash never leaves half a file.
 */
public final class DataFile {
    private static final int FORMAT = 1;

    private DataFile() {
    }

    /** Writes a consistent cut of all tables (taken under every table's lock, serialised after). */
    public static void save(DataStore store, Path file) {
        record TableState(Table table, List<Row> rows, List<Table.Deletion> deletions) {
        }
        List<TableState> states = new ArrayList<>();
        long version = store.atomically(() -> {
            for (EntityType t : store.schema().types()) {
                Table table = store.table(t);
                states.add(new TableState(table, table.snapshot(), table.deletionLog()));
            }
            return store.currentVersion();
        });
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        try {
            if (file.toAbsolutePath().getParent() != null) {
                Files.createDirectories(file.toAbsolutePath().getParent());
            }
            try (OutputStream out = Files.newOutputStream(tmp);
                 JsonGenerator g = Json.factory().createGenerator(out)) {
                g.writeStartObject();
                g.writeNumberField("format", FORMAT);
                g.writeNumberField("version", version);
                g.writeObjectFieldStart("tables");
                for (TableState s : states) {
                    writeTable(g, s.table().type(), s.rows(), s.deletions());
                }
                g.writeEndObject();
                writeAddedOptions(g, store);
                g.writeEndObject();
            }
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot save the sandbox to " + file, e);
        }
    }

    /** Loads {@code file} into the (empty) store; false when the file doesn't exist. */
    public static boolean loadIfExists(DataStore store, Path file) {
        if (!Files.exists(file)) {
            return false;
        }
        try (InputStream in = Files.newInputStream(file)) {
            JsonNode root = Json.MAPPER.readTree(in);
            if (root.path("format").asInt() != FORMAT) {
                throw new IllegalStateException(file + " is not a sandbox data file (format " + FORMAT + ")");
            }
            for (Map.Entry<String, JsonNode> e : root.path("tables").properties()) {
                EntityType type = store.schema().byLogicalName(e.getKey());
                if (type != null) {
                    readTable(store.table(type), type, e.getValue());
                }
            }
            readAddedOptions(store, root.path("addedOptions"));
            store.restoreVersion(root.path("version").asLong());
            return true;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot load the sandbox from " + file, e);
        }
    }

    /** Options added by InsertOptionValue (values from 100,000,000): {entity: {attribute: {value: label}}}. */
    private static void writeAddedOptions(JsonGenerator g, DataStore store) throws IOException {
        g.writeObjectFieldStart("addedOptions");
        for (EntityType t : store.schema().types()) {
            for (Attribute a : t.attributes()) {
                Map<Integer, String> added = new java.util.TreeMap<>(a.options());
                added.keySet().removeIf(v -> v < Attribute.CUSTOM_OPTION_START);
                if (!added.isEmpty()) {
                    g.writeObjectFieldStart(t.logicalName() + "." + a.logicalName());
                    for (Map.Entry<Integer, String> o : added.entrySet()) {
                        g.writeStringField(o.getKey().toString(), o.getValue());
                    }
                    g.writeEndObject();
                }
            }
        }
        g.writeEndObject();
    }

    private static void readAddedOptions(DataStore store, JsonNode node) {
        for (Map.Entry<String, JsonNode> e : node.properties()) {
            String[] name = e.getKey().split("\\.", 2);
            EntityType type = store.schema().byLogicalName(name[0]);
            Attribute a = type == null ? null : type.attribute(name[1]);
            if (a != null) {
                e.getValue().properties().forEach(o -> {
                    if (!a.options().containsKey(Integer.valueOf(o.getKey()))) {
                        a.addOption(Integer.valueOf(o.getKey()), o.getValue().asText());
                    }
                });
            }
        }
    }

    private static void writeTable(JsonGenerator g, EntityType type, List<Row> rows, List<Table.Deletion> deleted)
            throws IOException {
        g.writeObjectFieldStart(type.logicalName());
        g.writeArrayFieldStart("rows");
        for (Row row : rows) {
            g.writeStartObject();
            g.writeStringField("id", row.id().toString());
            g.writeNumberField("version", row.version());
            g.writeObjectFieldStart("values");
            for (Attribute a : type.attributes()) {
                Object v = row.value(a.index());
                if (v != null) {
                    g.writeFieldName(a.logicalName());
                    writeValue(g, v);
                }
            }
            g.writeEndObject();
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeArrayFieldStart("deleted");
        for (Table.Deletion d : deleted) {
            g.writeStartObject();
            g.writeStringField("id", d.id().toString());
            g.writeNumberField("version", d.version());
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeEndObject();
    }

    private static void writeValue(JsonGenerator g, Object v) throws IOException {
        if (v instanceof EntityReference ref) {
            g.writeStartObject();
            g.writeStringField("table", ref.logicalName());
            g.writeStringField("id", ref.id().toString());
            g.writeEndObject();
        } else if (v instanceof Integer i) {
            g.writeNumber(i);
        } else if (v instanceof Long l) {
            g.writeNumber(l);
        } else if (v instanceof Double d) {
            g.writeNumber(d);
        } else if (v instanceof Boolean b) {
            g.writeBoolean(b);
        } else if (v instanceof BigDecimal d) {
            g.writeString(d.toPlainString());
        } else {
            g.writeString(v.toString()); // String, UUID, Instant, LocalDate
        }
    }

    private static void readTable(Table table, EntityType type, JsonNode node) {
        List<Row> rows = new ArrayList<>();
        for (JsonNode r : node.path("rows")) {
            Object[] values = new Object[type.attributeCount()];
            Map<String, JsonNode> fields = new LinkedHashMap<>();
            r.path("values").properties().forEach(e -> fields.put(e.getKey(), e.getValue()));
            for (Attribute a : type.attributes()) {
                JsonNode v = fields.get(a.logicalName());
                values[a.index()] = v == null || v.isNull() ? null : readValue(a, v);
            }
            rows.add(new Row(UUID.fromString(r.path("id").asText()), r.path("version").asLong(), values));
        }
        List<Table.Deletion> deleted = new ArrayList<>();
        for (JsonNode d : node.path("deleted")) {
            deleted.add(new Table.Deletion(UUID.fromString(d.path("id").asText()), d.path("version").asLong()));
        }
        table.load(rows, deleted);
    }

    private static Object readValue(Attribute a, JsonNode v) {
        return switch (a.type()) {
            case STRING, MEMO -> v.asText();
            case INTEGER, PICKLIST, STATE, STATUS -> v.intValue();
            case BIGINT -> v.longValue();
            case DECIMAL, MONEY -> new BigDecimal(v.asText());
            case DOUBLE -> v.doubleValue();
            case BOOLEAN -> v.booleanValue();
            case UNIQUEIDENTIFIER -> UUID.fromString(v.asText());
            case DATETIME -> Instant.parse(v.asText());
            case DATEONLY -> LocalDate.parse(v.asText());
            case LOOKUP -> new EntityReference(v.path("table").asText(), UUID.fromString(v.path("id").asText()));
        };
    }
}
