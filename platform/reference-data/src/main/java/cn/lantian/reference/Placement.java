package cn.lantian.reference;

import java.util.List;
import java.util.Optional;

/**
 * Where a point lies: the county that governs it and, where it lies in one, the Corps unit; a point in a Corps unit
 * inside a county is joint, and both see it.
 *
 * @param jurisdiction the county (or the Corps unit, where no county's land is drawn around it)
 * @param corpsUnit the Corps unit, or null
 */
public record Placement(String jurisdiction, String corpsUnit) {

    /** Whether a county and a Corps unit share the place. */
    public boolean joint() {
        return corpsUnit != null && !corpsUnit.equals(jurisdiction);
    }

    /** The Corps unit, if any. */
    public Optional<String> corps() {
        return Optional.ofNullable(corpsUnit);
    }

    /** Every jurisdiction that sees records at this place. */
    public List<String> visibleTo() {
        return joint() ? List.of(jurisdiction, corpsUnit) : List.of(jurisdiction);
    }
}
