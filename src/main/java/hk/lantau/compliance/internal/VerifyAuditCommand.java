package hk.lantau.compliance.internal;

import hk.lantau.compliance.AuditVerification;
import hk.lantau.compliance.ChainVerification;
import java.io.PrintStream;
import java.util.List;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/** {@code java -jar lantau.jar verify-audit}: verifies every chain; exit code 0 when all are intact, 1 if not. */
@Component
@ConditionalOnProperty(name = "lantau.command", havingValue = "verify-audit")
class VerifyAuditCommand implements ApplicationRunner, ExitCodeGenerator {

    private final AuditVerification verification;
    private final PrintStream out = System.out;
    private int exitCode;

    VerifyAuditCommand(AuditVerification verification) {
        this.verification = verification;
    }

    @Override
    public void run(ApplicationArguments args) {
        List<ChainVerification> results = verification.verifyAll();
        long records = 0;
        int broken = 0;
        for (ChainVerification result : results) {
            records += result.recordsChecked();
            String chain = result.chain() == AuditVerification.INSTALLATION_CHAIN ? "installation"
                    : "organisation " + result.chain();
            if (result.intact()) {
                out.printf("%-22s intact   %s%n", chain, count(result.recordsChecked(), "record"));
            } else {
                broken++;
                out.printf("%-22s BROKEN   at seq %d: %s (%d records checked)%n", chain,
                        result.firstBrokenSeq(), result.reason(), result.recordsChecked());
            }
        }
        if (broken == 0) {
            out.printf("Audit trail intact: %s, %s.%n", count(results.size(), "chain"), count(records, "record"));
        } else {
            out.printf("Audit trail BROKEN: %d of %d chains fail verification.%n", broken, results.size());
        }
        exitCode = broken == 0 ? 0 : 1;
    }

    private static String count(long n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }

    @Override
    public int getExitCode() {
        return exitCode;
    }
}
