package hk.lantau.compliance.web;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import hk.lantau.compliance.AuditEntry;
import hk.lantau.shared.LantauException;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.function.Consumer;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/** Turns audit entries into their API view and streams them as CSV or as one JSON array. */
final class AuditExportWriter {

    private static final String[] CSV_HEADER = {"seq", "time", "actor_kind", "actor_reference", "actor_name", "ip",
        "request_id", "action", "target_type", "target_id", "changes", "prev_hash", "hash"};

    private final ObjectMapper json;

    AuditExportWriter(ObjectMapper json) {
        this.json = json;
    }

    enum Format {
        CSV("csv", "text/csv;charset=UTF-8"), JSON("json", "application/json");

        private final String extension;
        private final String contentType;

        Format(String extension, String contentType) {
            this.extension = extension;
            this.contentType = contentType;
        }

        static Format of(String value) {
            try {
                return valueOf(value.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw LantauException.invalidField("format", "compliance.format_invalid",
                        "The export format must be csv or json.");
            }
        }

        String extension() {
            return extension;
        }

        String contentType() {
            return contentType;
        }
    }

    /** Streams whatever {@code source} feeds to its sink, without collecting the records first. */
    void write(Format format, OutputStream out, Consumer<Consumer<AuditEntry>> source) throws IOException {
        try {
            if (format == Format.CSV) {
                writeCsv(out, source);
            } else {
                writeJson(out, source);
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    RecordView view(AuditEntry entry) {
        return new RecordView(entry.seq(), entry.occurredAt().toString(),
                new ActorView(entry.actorKind().name(), entry.actorReference(), entry.actorName()), entry.ip(),
                entry.requestId(), entry.action(), new TargetView(entry.targetType(), entry.targetId()),
                changes(entry.changes()), entry.prevHash(), entry.hash());
    }

    private void writeCsv(OutputStream out, Consumer<Consumer<AuditEntry>> source) throws IOException {
        Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        CSVPrinter csv = new CSVPrinter(writer, CSVFormat.DEFAULT.builder().setHeader(CSV_HEADER).get());
        source.accept(entry -> {
            try {
                csv.printRecord(entry.seq(), entry.occurredAt().toString(), entry.actorKind().name(),
                        entry.actorReference(), entry.actorName(), entry.ip(), entry.requestId(), entry.action(),
                        entry.targetType(), entry.targetId(), entry.changes(), entry.prevHash(), entry.hash());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        csv.flush();
    }

    private void writeJson(OutputStream out, Consumer<Consumer<AuditEntry>> source) throws IOException {
        JsonGenerator generator = json.getFactory().createGenerator(out);
        generator.writeStartArray();
        source.accept(entry -> {
            try {
                json.writeValue(generator, view(entry));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        generator.writeEndArray();
        generator.flush();
    }

    private JsonNode changes(String text) {
        try {
            return json.readTree(text);
        } catch (JsonProcessingException e) {
            return json.getNodeFactory().textNode(text);
        }
    }

    record RecordView(long seq, String time, ActorView actor, String ip, String requestId, String action,
                      TargetView target, JsonNode changes, String prevHash, String hash) {
    }

    record ActorView(String kind, String reference, String name) {
    }

    record TargetView(String type, String id) {
    }
}
