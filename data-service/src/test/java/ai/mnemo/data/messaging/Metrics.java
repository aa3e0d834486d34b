package ai.mnemo.data.messaging;

import static io.restassured.RestAssured.given;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads one sample from the service's Prometheus endpoint, {@code /q/metrics}. */
final class Metrics {

    private Metrics() {
    }

    /** The value of {@code name} with {@code outcome} (or no labels when null); 0 when the sample is absent. */
    static double value(String name, String outcome) {
        String text = given().when().get("/q/metrics").then().statusCode(200).extract().asString();
        String labels = outcome == null ? "" : "\\{outcome=\"" + Pattern.quote(outcome) + "\",?\\}";
        Matcher matcher = Pattern.compile("(?m)^" + Pattern.quote(name) + labels + " ([0-9.Ee+-]+)$").matcher(text);
        return matcher.find() ? Double.parseDouble(matcher.group(1)) : 0;
    }
}
