package hk.lantau;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.modulith.Modulithic;
import org.springframework.scheduling.annotation.EnableScheduling;

@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
@Modulithic(systemName = "Lantau", sharedModules = "shared")
public class LantauApplication {

    public static void main(String[] args) {
        SpringApplication.run(LantauApplication.class, args);
    }
}
