package ai.mnemo.events.spec;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Read-only copies that keep nulls: a spec holds what the user wrote, and the validator reports the gaps. */
final class SpecLists {

    private SpecLists() {
    }

    static <T> List<T> copy(List<T> values) {
        return values == null ? null : Collections.unmodifiableList(new ArrayList<>(values));
    }
}
