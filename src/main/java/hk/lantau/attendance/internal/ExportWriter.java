package hk.lantau.attendance.internal;

import hk.lantau.attendance.ExportEncoding;
import hk.lantau.attendance.ExportFormat;
import hk.lantau.shared.FieldViolation;
import hk.lantau.shared.LantauException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CodingErrorAction;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.springframework.http.HttpStatus;

/**
 * Writes an export table as CSV or XLSX. For CSV every cell is checked with the encoding's
 * {@link CharsetEncoder} first, so a value the encoding cannot hold refuses the whole file before
 * any byte is written, naming each row, column and character.
 */
final class ExportWriter {

    /** The table: column keys, header labels, rows of cells and the person of each row. */
    record Table(List<String> keys, List<String> labels, List<Object[]> rows, List<String> rowUserIds) {
    }

    private static final int MAX_LISTED = 100;
    private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    private ExportWriter() {
    }

    static byte[] write(Table table, ExportFormat format, ExportEncoding encoding) {
        if (format == ExportFormat.XLSX) {
            return xlsx(table);
        }
        checkEncodable(table, encoding);
        return csv(table, encoding);
    }

    static void checkEncodable(Table table, ExportEncoding encoding) {
        CharsetEncoder encoder = encoding.charset().newEncoder();
        List<FieldViolation> problems = new ArrayList<>();
        for (int c = 0; c < table.labels().size(); c++) {
            check(encoder, table.labels().get(c), "header." + table.keys().get(c), "the header", problems);
        }
        for (int r = 0; r < table.rows().size(); r++) {
            Object[] row = table.rows().get(r);
            for (int c = 0; c < row.length; c++) {
                if (row[c] instanceof String text) {
                    check(encoder, text, "rows[" + (r + 1) + "]." + table.keys().get(c),
                            "userId " + table.rowUserIds().get(r), problems);
                }
            }
        }
        if (!problems.isEmpty()) {
            int total = problems.size();
            throw new LantauException(HttpStatus.UNPROCESSABLE_ENTITY, "attendance.export_unencodable",
                    total + " cell(s) hold characters " + encoding.name() + " cannot represent; nothing was written.",
                    problems.subList(0, Math.min(total, MAX_LISTED)));
        }
    }

    private static void check(CharsetEncoder encoder, String text, String field, String who,
                              List<FieldViolation> problems) {
        if (encoder.canEncode(text)) {
            return;
        }
        List<String> bad = new ArrayList<>();
        text.codePoints().distinct().forEach(cp -> {
            if (!encoder.canEncode(new String(Character.toChars(cp)))) {
                bad.add(String.format(Locale.ROOT, "U+%04X %s", cp, new String(Character.toChars(cp))));
            }
        });
        problems.add(new FieldViolation(field, "attendance.export_unencodable", who + ": " + String.join(", ", bad)));
    }

    private static byte[] csv(Table table, ExportEncoding encoding) {
        var out = new ByteArrayOutputStream();
        CharsetEncoder encoder = encoding.charset().newEncoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        try {
            if (encoding.bom()) {
                out.write(BOM);
            }
            try (Writer writer = new OutputStreamWriter(out, encoder);
                 CSVPrinter printer = new CSVPrinter(writer, CSVFormat.RFC4180)) {
                printer.printRecord(table.labels());
                for (Object[] row : table.rows()) {
                    printer.printRecord(row);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static byte[] xlsx(Table table) {
        try (SXSSFWorkbook book = new SXSSFWorkbook(200)) {
            Sheet sheet = book.createSheet("Attendance");
            var header = sheet.createRow(0);
            for (int c = 0; c < table.labels().size(); c++) {
                header.createCell(c).setCellValue(table.labels().get(c));
            }
            for (int r = 0; r < table.rows().size(); r++) {
                Object[] values = table.rows().get(r);
                var row = sheet.createRow(r + 1);
                for (int c = 0; c < values.length; c++) {
                    Cell cell = row.createCell(c);
                    if (values[c] instanceof Number n) {
                        cell.setCellValue(n.doubleValue());
                    } else if (values[c] != null) {
                        cell.setCellValue(values[c].toString());
                    }
                }
            }
            var out = new ByteArrayOutputStream();
            book.write(out);
            book.dispose();
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
