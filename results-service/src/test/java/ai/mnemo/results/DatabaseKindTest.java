package ai.mnemo.results;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.mnemo.testing.KafkaBrokerResource;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * The tests run on the database MNEMO_DB_KIND asks for (H2 when unset): CI sets it to postgresql, and this test
 * fails the build if the suite silently ran on H2 instead.
 */
@QuarkusTest
@WithTestResource(KafkaBrokerResource.class)
class DatabaseKindTest {

    @Inject
    AgroalDataSource dataSource;

    @Test
    void connectedToTheDatabaseMnemoDbKindAsksFor() throws SQLException {
        String asked = System.getenv().getOrDefault("MNEMO_DB_KIND", "h2").toLowerCase(Locale.ROOT);
        String expected = switch (asked) {
            case "h2" -> "H2";
            case "postgresql", "postgres", "pgsql", "pg" -> "PostgreSQL";
            default -> throw new AssertionError("MNEMO_DB_KIND=" + asked + " is neither h2 nor postgresql");
        };
        try (Connection connection = dataSource.getConnection()) {
            assertEquals(expected, connection.getMetaData().getDatabaseProductName());
        }
    }

    @Test
    void theSchemaComesFromTheFlywayMigration() throws SQLException {
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(
                        "select \"version\", \"success\" from \"flyway_schema_history\" where \"version\" = '1'")) {
            assertTrue(rows.next(), "V1 is recorded in flyway_schema_history");
            assertTrue(rows.getBoolean(2), "V1 succeeded");
        }
    }
}
