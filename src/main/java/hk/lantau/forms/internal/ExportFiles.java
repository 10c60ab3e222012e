package hk.lantau.forms.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * A round's answers as a file. CSV is always UTF-8 (every answer can be written), optionally with
 * a byte order mark so spreadsheet programs read Chinese text correctly; XLSX is one sheet of text.
 */
final class ExportFiles {

    private ExportFiles() {
    }

    static byte[] csv(List<String> header, List<List<String>> rows, boolean bom) {
        var out = new ByteArrayOutputStream();
        try {
            if (bom) {
                out.write(new byte[]{(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
            }
            try (var printer = new CSVPrinter(new OutputStreamWriter(out, StandardCharsets.UTF_8), CSVFormat.RFC4180)) {
                printer.printRecord(header);
                for (List<String> row : rows) {
                    printer.printRecord(row);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    static byte[] xlsx(String sheetName, List<String> header, List<List<String>> rows) {
        try (var book = new XSSFWorkbook(); var out = new ByteArrayOutputStream()) {
            var sheet = book.createSheet(sheetName);
            List<List<String>> all = new java.util.ArrayList<>();
            all.add(header);
            all.addAll(rows);
            for (int r = 0; r < all.size(); r++) {
                var line = sheet.createRow(r);
                for (int c = 0; c < all.get(r).size(); c++) {
                    line.createCell(c).setCellValue(all.get(r).get(c));
                }
            }
            book.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
