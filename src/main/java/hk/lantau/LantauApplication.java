package hk.lantau;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.springframework.boot.Banner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.modulith.Modulithic;
import org.springframework.scheduling.annotation.EnableScheduling;

@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
@Modulithic(systemName = "Lantau", sharedModules = "shared")
public class LantauApplication {

    /**
     * Maintenance commands, e.g. {@code java -jar lantau.jar verify-audit}. Each is an
     * {@code ApplicationRunner} bean conditional on {@code lantau.command}; see docs/compliance.md.
     */
    static final Set<String> COMMANDS = Set.of("verify-audit", "rotate-field-keys");

    public static void main(String[] args) {
        if (args.length > 0 && COMMANDS.contains(args[0])) {
            int exitCode;
            try {
                exitCode = runCommand(args[0], Arrays.copyOfRange(args, 1, args.length));
            } catch (RuntimeException e) {
                exitCode = 1;
            }
            System.exit(exitCode);
        }
        SpringApplication.run(LantauApplication.class, args);
    }

    /**
     * Starts the application without the web server and without replaying pending events, lets
     * the command's runner work, and returns the exit code its beans report.
     */
    public static int runCommand(String command, String... args) {
        if (!COMMANDS.contains(command)) {
            throw new IllegalArgumentException("Unknown command: " + command);
        }
        SpringApplication application = new SpringApplication(LantauApplication.class);
        application.setWebApplicationType(WebApplicationType.NONE);
        application.setBannerMode(Banner.Mode.OFF);
        List<String> all = new ArrayList<>(List.of(args));
        all.add("--lantau.command=" + command);
        all.add("--spring.modulith.events.republish-outstanding-events-on-restart=false");
        return SpringApplication.exit(application.run(all.toArray(String[]::new)));
    }
}
