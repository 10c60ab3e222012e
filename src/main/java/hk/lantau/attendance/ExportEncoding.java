package hk.lantau.attendance;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/**
 * The character encoding of a CSV export (an XLSX file is always Unicode). {@code BIG5} is plain
 * Big5 as Java defines it; {@code BIG5_HKSCS} adds the Hong Kong Supplementary Character Set
 * (HKSCS-2008), which holds many Cantonese and name characters plain Big5 lacks.
 */
public enum ExportEncoding {
    UTF_8(StandardCharsets.UTF_8, false),
    UTF_8_BOM(StandardCharsets.UTF_8, true),
    BIG5(Charset.forName("Big5"), false),
    BIG5_HKSCS(Charset.forName("Big5-HKSCS"), false);

    private final Charset charset;
    private final boolean bom;

    ExportEncoding(Charset charset, boolean bom) {
        this.charset = charset;
        this.bom = bom;
    }

    public Charset charset() {
        return charset;
    }

    public boolean bom() {
        return bom;
    }
}
