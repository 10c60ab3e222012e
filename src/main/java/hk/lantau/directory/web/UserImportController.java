package hk.lantau.directory.web;

import hk.lantau.directory.UserImport;
import hk.lantau.directory.UserImport.ImportReport;
import hk.lantau.shared.CurrentActor;
import hk.lantau.shared.LantauException;
import hk.lantau.shared.Permission;
import hk.lantau.shared.Problems;
import hk.lantau.shared.RequiresScope;
import hk.lantau.shared.Scope;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

@RestController
@RequiresScope(Scope.USER_WRITE)
@Tag(name = "People")
class UserImportController {

    private static final String DESCRIPTION = """
            CSV in UTF-8 with a header row. Columns, in any order: userId, name (required), email, mobile, title,
            jobNumber, hireDate, managerUserId, departmentIds, workPlace, remark, contractEndDate, hkid, homeAddress,
            bankAccount, emergencyContact, medicalNotes, roleKeys. Lists are separated by ';', dates are YYYY-MM-DD.
            At most 5,000 rows and 1 MiB. Every row is checked first; if any is invalid nothing is written and the
            answer is 422 directory.import_invalid with errors [{row, column, code, message}]. With dryRun=true
            nothing is written either way.""";

    private final UserImport userImport;

    UserImportController(UserImport userImport) {
        this.userImport = userImport;
    }

    @PostMapping(path = "/api/v1/users/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Import people from a CSV file (needs directory.import)", description = DESCRIPTION)
    ResponseEntity<Object> importFile(@RequestPart("file") MultipartFile file,
                                      @RequestParam(defaultValue = "false") boolean dryRun,
                                      HttpServletRequest request) throws IOException {
        long tenantId = CurrentActor.require(Permission.DIRECTORY_IMPORT).requireTenant();
        try (InputStream in = file.getInputStream()) {
            return run(tenantId, read(in), dryRun, request);
        }
    }

    @PostMapping(path = "/api/v1/users/import", consumes = {"text/csv", MediaType.TEXT_PLAIN_VALUE})
    @Operation(summary = "Import people from a CSV request body (needs directory.import)", description = DESCRIPTION)
    ResponseEntity<Object> importBody(InputStream body, @RequestParam(defaultValue = "false") boolean dryRun,
                                      HttpServletRequest request) throws IOException {
        long tenantId = CurrentActor.require(Permission.DIRECTORY_IMPORT).requireTenant();
        return run(tenantId, read(body), dryRun, request);
    }

    private ResponseEntity<Object> run(long tenantId, String csv, boolean dryRun, HttpServletRequest request) {
        ImportReport report = userImport.importCsv(tenantId, new StringReader(csv), dryRun);
        if (!report.valid()) {
            ProblemDetail problem = Problems.of(HttpStatus.UNPROCESSABLE_ENTITY, "directory.import_invalid",
                    report.errors().size() + " problem(s) in the file; nothing was imported.", List.of(), request);
            problem.setProperty("errors", report.errors());
            problem.setProperty("results", report.results());
            return ResponseEntity.unprocessableEntity().contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
        }
        return ResponseEntity.status(dryRun ? HttpStatus.OK : HttpStatus.CREATED).body(report);
    }

    /** The file as text, refusing more than the limit without reading it all; a UTF-8 BOM is dropped. */
    private static String read(InputStream in) throws IOException {
        byte[] bytes = in.readNBytes((int) UserImport.MAX_BYTES + 1);
        if (bytes.length > UserImport.MAX_BYTES) {
            throw new LantauException(HttpStatus.PAYLOAD_TOO_LARGE, "directory.import_too_large",
                    "An import file may be at most 1 MiB; split the file.");
        }
        String text = new String(bytes, StandardCharsets.UTF_8);
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }
}
