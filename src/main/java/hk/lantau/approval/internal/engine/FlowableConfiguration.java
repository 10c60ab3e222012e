package hk.lantau.approval.internal.engine;

import javax.sql.DataSource;
import org.flowable.spring.SpringProcessEngineConfiguration;
import org.flowable.spring.boot.EngineConfigurationConfigurer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.datasource.DataSourceUtils;

/**
 * Lantau's settings for the embedded engine. Lantau runs H2 only in PostgreSQL mode, where Flowable's
 * own H2 scripts fail (they use H2's legacy IDENTITY type), so Flowable is told it is talking to
 * PostgreSQL there: the same scripts and queries it uses in production.
 */
@Configuration(proxyBeanMethods = false)
class FlowableConfiguration {

    @Bean
    EngineConfigurationConfigurer<SpringProcessEngineConfiguration> lantauEngineSettings(DataSource dataSource) {
        return engine -> {
            if (isH2(dataSource)) {
                engine.setDatabaseType("postgres");
            }
        };
    }

    private static boolean isH2(DataSource dataSource) {
        var connection = DataSourceUtils.getConnection(dataSource);
        try {
            return connection.getMetaData().getDatabaseProductName().toLowerCase().contains("h2");
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException("Cannot read the database's metadata", e);
        } finally {
            DataSourceUtils.releaseConnection(connection, dataSource);
        }
    }
}
