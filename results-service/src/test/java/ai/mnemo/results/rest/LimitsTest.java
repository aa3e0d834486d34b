package ai.mnemo.results.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.ws.rs.BadRequestException;
import org.junit.jupiter.api.Test;

class LimitsTest {

    @Test
    void absentMeansTheDefault() {
        assertEquals(100, Limits.parse(null, 100, 1000));
        assertEquals(100, Limits.parse(" ", 100, 1000));
    }

    @Test
    void acceptsAnIntegerInRange() {
        assertEquals(1, Limits.parse("1", 100, 1000));
        assertEquals(1000, Limits.parse(" 1000 ", 100, 1000));
    }

    @Test
    void rejectsWhatIsNotAnIntegerInRange() {
        BadRequestException text = assertThrows(BadRequestException.class, () -> Limits.parse("ten", 100, 1000));
        assertTrue(text.getMessage().contains("'ten'"), text.getMessage());
        assertThrows(BadRequestException.class, () -> Limits.parse("0", 100, 1000));
        assertThrows(BadRequestException.class, () -> Limits.parse("1001", 100, 1000));
        assertThrows(BadRequestException.class, () -> Limits.parse("2.5", 100, 1000));
    }
}
