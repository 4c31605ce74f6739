package cn.lantian.indexer.search;

import cn.lantian.reference.Jurisdictions;
import cn.lantian.security.Caller;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;

/**
 * Which events a caller may see, as the set of jurisdiction ids their {@code visibleto} must contain: the prefecture
 * sees everything; a county officer their county (so also the joint and cross-boundary events shared with it); a
 * Corps officer their unit and every unit under it.
 */
final class Visibility {

    private Visibility() {}

    /** Empty for the prefecture (no restriction); otherwise the ids the caller may see, possibly none. */
    static Optional<Set<String>> of(Caller caller, Jurisdictions jurisdictions) {
        if (!caller.prefecture() && jurisdictions.byId(caller.jurisdiction()).isEmpty()) {
            return Optional.of(Set.of());
        }
        return caller.unitsSeen(jurisdictions).map(LinkedHashSet::new);
    }

    /** The unit, every unit under it, and their aliases. */
    static Set<String> unitsWithin(Jurisdictions jurisdictions, String id) {
        return new LinkedHashSet<>(jurisdictions.unitsUnder(id));
    }
}
