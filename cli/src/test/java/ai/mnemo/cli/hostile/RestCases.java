package ai.mnemo.cli.hostile;

import static org.junit.jupiter.api.Assertions.assertFalse;

import ai.mnemo.cli.hostile.RestCase.Auth;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** The REST half of the hostile-input suite. */
final class RestCases {

    /** A spec that is valid and cheap: the tiny model, 8 KVR facts, naive, one stage. */
    static final String VALID_SPEC = """
            {"name": "valid", "model": {"preset": "tiny"},
             "stages": [{"dataset": {"name": "kvr", "split": "A", "size": 8}}],
             "training": {"learningRate": 0.003, "batchSize": 8, "stopping": {"rule": "memorized", "epochs": 150}},
             "evaluation": {"maxNewTokens": 16},
             "grid": {"methods": [{"name": "naive"}]}}""";

    private static final Map<String, String> JSON = Map.of("Content-Type", "application/json");
    private static final String POST = "/api/experiments";

    private RestCases() {
    }

    static Stream<RestCase> all() {
        List<RestCase> cases = new ArrayList<>();
        // Who may write.
        for (Auth auth : List.of(Auth.NONE, Auth.EXPIRED, Auth.FOREIGN_KEY, Auth.WRONG_ISSUER, Auth.GARBAGE)) {
            cases.add(new RestCase("token " + auth, "POST", POST, JSON, bytes(VALID_SPEC), auth, 401,
                    "bearer token"));
        }
        // Media types.
        cases.add(post("no Content-Type", Map.of(), bytes(VALID_SPEC), 415, "Content-Type application/json"));
        cases.add(post("text/plain", Map.of("Content-Type", "text/plain"), bytes(VALID_SPEC), 415, "Content-Type"));
        cases.add(post("a form", Map.of("Content-Type", "application/x-www-form-urlencoded"), bytes("name=x"), 415,
                "Content-Type"));
        cases.add(post("multipart", Map.of("Content-Type", "multipart/form-data; boundary=b"), bytes("--b--"), 415,
                "Content-Type"));
        // Malformed bodies.
        cases.add(json("empty body", bytes(""), 400, "the document is empty"));
        cases.add(json("truncated JSON", bytes("{\"name\": "), 400, "malformed document"));
        cases.add(json("a JSON array", bytes("[1, 2]"), 400, "expected an object"));
        cases.add(json("a JSON string", bytes("\"spec\""), 400, "violations"));
        cases.add(json("trailing garbage", bytes(VALID_SPEC + " }"), 400, "malformed document"));
        cases.add(json("duplicate key", bytes(VALID_SPEC.replace("{\"name\": \"valid\",",
                "{\"name\": \"valid\", \"name\": \"again\",")), 400, "is given twice"));
        cases.add(json("unknown field", bytes(VALID_SPEC.replace("\"valid\",", "\"valid\", \"gpu\": 8,")), 400,
                "unknown field"));
        cases.add(json("deep nesting", bytes("[".repeat(5000)), 400, "expected an object"));
        cases.add(post("YAML alias bomb", Map.of("Content-Type", "application/yaml"), bytes(aliasBomb()), 400,
                "violations"));
        // Encodings.
        cases.add(json("lone continuation byte", utf8With(new byte[] {(byte) 0x80}), 400, "not valid UTF-8"));
        cases.add(json("overlong slash", utf8With(new byte[] {(byte) 0xC0, (byte) 0xAF}), 400, "not valid UTF-8"));
        cases.add(json("encoded surrogate", utf8With(new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80}), 400,
                "not valid UTF-8"));
        cases.add(json("truncated sequence", utf8With(new byte[] {(byte) 0xE2, (byte) 0x82}), 400,
                "not valid UTF-8"));
        cases.add(json("Latin-1 body", VALID_SPEC.replace("valid", "caf\u00e9").getBytes(StandardCharsets.ISO_8859_1),
                400, "not valid UTF-8"));
        // Unprintable text.
        cases.add(spec("NUL in the name", "\"valid\"", "\"va\\u0000lid\"", "printable characters only"));
        cases.add(spec("terminal escape in the name", "\"valid\"", "\"\\u001b[2J\\u001b[31mred\"",
                "printable characters only"));
        cases.add(spec("bidi override in the name", "\"valid\"", "\"abc\\u202Etxt\"", "printable characters only"));
        cases.add(spec("name longer than its column", "\"valid\"", "\"" + "n".repeat(101) + "\"",
                "at most 100 characters"));
        // Strict types and finite numbers.
        cases.add(spec("a quoted integer", "\"size\": 8", "\"size\": \"8\"", "a string"));
        cases.add(spec("a quoted boolean", "\"size\": 8", "\"size\": 8, \"filter\": \"false\"", "a string"));
        cases.add(spec("a number too large for a double", "\"learningRate\": 0.003", "\"learningRate\": 1e400",
                "finite number"));
        cases.add(spec("a fraction where an integer belongs", "\"size\": 8", "\"size\": 8.5", "integer"));
        cases.add(spec("an integer over 2^31", "\"size\": 8", "\"size\": 99999999999", "out of range of int"));
        // What costs: every bound.
        cases.add(spec("a billion epochs", "\"epochs\": 150", "\"epochs\": 1000000000", "mnemo.limits.epochs"));
        cases.add(spec("a 2^31-word sequence", "[{\"name\": \"naive\"}]",
                "[{\"name\": \"remix\", \"mixing\": {\"source\": \"random-words\", \"wordsPerSequence\": 2147483647}}]",
                "mnemo.limits.words-per-sequence"));
        cases.add(spec("mixing ratio 1e300", "[{\"name\": \"naive\"}]",
                "[{\"name\": \"remix\", \"mixing\": {\"source\": \"random-words\", \"ratio\": 1e300}}]",
                "mnemo.limits.mix-ratio"));
        cases.add(spec("a 2^31-token generation cap", "\"maxNewTokens\": 16", "\"maxNewTokens\": 2147483647",
                "mnemo.limits.new-tokens"));
        cases.add(spec("a million facts", "\"size\": 8", "\"size\": 1000000", "mnemo.limits.dataset-size"));
        cases.add(spec("a million seeds' worth", "\"methods\": [{\"name\": \"naive\"}]",
                "\"methods\": [{\"name\": \"naive\"}], \"seeds\": " + range(51), "between 1 and 50 entries"));
        cases.add(spec("a grid of 2500 runs", "\"methods\": [{\"name\": \"naive\"}]",
                "\"methods\": [{\"name\": \"naive\"}], \"seeds\": " + range(50) + ", \"learningRates\": "
                        + rates(50), "mnemo.limits.runs"));
        cases.add(edited("steps over the stage limit", "mnemo.limits.steps-per-stage",
                "\"batchSize\": 8", "\"batchSize\": 1", "\"epochs\": 150", "\"epochs\": 1000",
                "\"size\": 8", "\"size\": 100000"));
        cases.add(spec("a batch of a million", "\"batchSize\": 8", "\"batchSize\": 1000000",
                "mnemo.limits.batch-size"));
        cases.add(spec("eleven stages", "[{\"dataset\": {\"name\": \"kvr\", \"split\": \"A\", \"size\": 8}}]",
                "[" + "{\"dataset\": {\"name\": \"kvr\", \"size\": 8}},".repeat(10)
                        + "{\"dataset\": {\"name\": \"kvr\", \"size\": 8}}]", "between 1 and 10 entries"));
        // Rules data-service used to check only after acceptance.
        cases.add(spec("multiple choice on KVR", "\"size\": 8", "\"size\": 8, \"format\": \"multiple-choice\"",
                "does not apply to kvr"));
        cases.add(spec("the known-fact filter on KVR", "\"size\": 8", "\"size\": 8, \"filter\": true",
                "set filter: false"));
        cases.add(spec("a public dataset without its export", "\"name\": \"kvr\", \"split\": \"A\"",
                "\"name\": \"popqa\"", "is required for popqa"));
        cases.add(spec("a mixing source without its export", "[{\"name\": \"naive\"}]",
                "[{\"name\": \"remix\", \"mixing\": {\"source\": \"fineweb\"}}]", "needs its export"));
        // Paths and the model root.
        cases.add(spec("a dataset path out of the data root", "\"name\": \"kvr\", \"split\": \"A\"",
                "\"name\": \"popqa\", \"path\": \"../../etc/passwd\"", "must stay inside the data root"));
        cases.add(spec("an absolute dataset path", "\"name\": \"kvr\", \"split\": \"A\"",
                "\"name\": \"popqa\", \"path\": \"/etc/passwd\"", "relative to the data root"));
        cases.add(spec("a model that is not there", "{\"preset\": \"tiny\"}", "{\"uri\": \"Meta-Llama-3-8B\"}",
                "no model 'Meta-Llama-3-8B' under the model root"));
        cases.add(spec("a model out of the model root", "{\"preset\": \"tiny\"}", "{\"uri\": \"../../etc\"}",
                "must stay inside the model root"));
        cases.add(spec("a model URI elsewhere", "{\"preset\": \"tiny\"}", "{\"uri\": \"file:/etc\"}",
                "must name a model under the model root"));
        // Sizes.
        cases.add(json("a spec over the byte limit", bytes(VALID_SPEC.replace("\"valid\",",
                "\"valid\", \"pad\": \"" + "x".repeat(300_000) + "\",")), 413, "mnemo.limits.spec-bytes"));
        cases.add(json("a body of 3 MB", new byte[3 * 1024 * 1024], 413, "mnemo.limits.spec-bytes"));
        // Keys and ids.
        cases.add(post("an Idempotency-Key too long", Map.of("Content-Type", "application/json", "Idempotency-Key",
                "k".repeat(300)), bytes(VALID_SPEC), 400, "at most 255"));
        cases.add(get("an id with NUL", "/api/experiments/a%00b", 400, "printable characters only"));
        cases.add(get("an id with an escape", "/api/experiments/a%1Bb", 400, "printable characters only"));
        cases.add(get("an id longer than its column", "/api/experiments/" + "i".repeat(300), 400, "at most 255"));
        cases.add(get("an unknown id", "/api/experiments/no-such-experiment", 404, "no experiment"));
        cases.add(get("a run id with NUL", "/api/runs/a%00b", 400, "printable characters only"));
        cases.add(get("a report id with NUL", "/experiments/a%00b", 400, "printable"));
        cases.add(get("a bad limit", "/api/experiments?limit=-1", 400, "limit must be between"));
        cases.add(get("a limit that is not a number", "/api/experiments?limit=1e9", 400, "limit must be an integer"));
        cases.add(new RestCase("DELETE of the collection", "DELETE", POST, Map.of(), null, Auth.VALID, 405, "error"));
        return cases.stream();
    }

    /** Fails if an answer names an exception class, a Java package or this machine's paths. */
    static void assertNothingInternal(String body) {
        for (String internal : List.of("Exception", "java.", "com.fasterxml", "io.quarkus", "/tmp/", "/root/",
                "/home/", "\tat ")) {
            assertFalse(body.contains(internal), "the answer leaks '" + internal + "': " + body);
        }
    }

    private static RestCase spec(String name, String from, String to, String answer) {
        return edited(name, answer, from, to);
    }

    /** The valid spec with each (from, to) replaced, which must each change it; refused with a 400. */
    private static RestCase edited(String name, String answer, String... fromTo) {
        String body = VALID_SPEC;
        for (int i = 0; i < fromTo.length; i += 2) {
            String next = body.replace(fromTo[i], fromTo[i + 1]);
            if (next.equals(body)) {
                throw new IllegalArgumentException(name + ": '" + fromTo[i] + "' is not in the spec");
            }
            body = next;
        }
        return json(name, bytes(body), 400, answer);
    }

    private static RestCase json(String name, byte[] body, int status, String answer) {
        return post(name, JSON, body, status, answer);
    }

    private static RestCase post(String name, Map<String, String> headers, byte[] body, int status, String answer) {
        return new RestCase(name, "POST", POST, headers, body, Auth.VALID, status, answer);
    }

    private static RestCase get(String name, String path, int status, String answer) {
        return new RestCase(name, "GET", path, Map.of(), null, Auth.NONE, status, answer);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** The valid spec with {@code bad} bytes inside its name. */
    private static byte[] utf8With(byte[] bad) {
        byte[] before = bytes(VALID_SPEC.substring(0, VALID_SPEC.indexOf("valid\"")));
        byte[] after = bytes(VALID_SPEC.substring(VALID_SPEC.indexOf("valid\"")));
        byte[] out = new byte[before.length + bad.length + after.length];
        System.arraycopy(before, 0, out, 0, before.length);
        System.arraycopy(bad, 0, out, before.length, bad.length);
        System.arraycopy(after, 0, out, before.length + bad.length, after.length);
        return out;
    }

    /** YAML's billion laughs: nine levels of aliases, each nine times the one below. */
    private static String aliasBomb() {
        StringBuilder yaml = new StringBuilder("a0: &a0 [\"lol\"]\n");
        for (int i = 1; i < 10; i++) {
            yaml.append("a").append(i).append(": &a").append(i).append(" [");
            for (int j = 0; j < 9; j++) {
                yaml.append(j == 0 ? "" : ", ").append("*a").append(i - 1);
            }
            yaml.append("]\n");
        }
        return yaml.append("name: *a9\n").toString();
    }

    private static String range(int n) {
        StringBuilder out = new StringBuilder("[");
        for (int i = 0; i < n; i++) {
            out.append(i == 0 ? "" : ", ").append(i);
        }
        return out.append(']').toString();
    }

    private static String rates(int n) {
        StringBuilder out = new StringBuilder("[");
        for (int i = 1; i <= n; i++) {
            out.append(i == 1 ? "" : ", ").append(i).append("e-5");
        }
        return out.append(']').toString();
    }
}
