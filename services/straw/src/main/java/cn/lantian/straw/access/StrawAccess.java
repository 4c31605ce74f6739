package cn.lantian.straw.access;

import cn.lantian.reference.Jurisdiction;
import cn.lantian.reference.Jurisdictions;
import cn.lantian.reference.Placement;
import cn.lantian.security.Caller;
import cn.lantian.web.Forbidden;
import cn.lantian.web.NotFound;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Who may do what with straw records: the agriculture agency writes inside its jurisdiction (the prefecture
 * anywhere); agriculture, ecology and the county governments read what their jurisdiction sees
 * ({@link Caller#sees}). A record outside the caller's jurisdiction answers as one that does not exist.
 */
@Component
public class StrawAccess {

    /** The agency that owns straw and open-burning records. */
    public static final String AGENCY = "agriculture";

    /** The agencies that read them besides the owner. */
    public static final List<String> READERS = List.of(AGENCY, "ecology");

    private final Jurisdictions jurisdictions;

    public StrawAccess(Jurisdictions jurisdictions) {
        this.jurisdictions = jurisdictions;
    }

    /** Fails with {@link Forbidden} unless the caller belongs to the agriculture agency. */
    public void checkWriter(Caller caller) {
        if (!caller.isOf(AGENCY)) {
            throw new Forbidden("Only the agriculture agency writes straw and open-burning records.");
        }
    }

    /**
     * Fails unless the caller may write a record placed there: {@link NotFound} when the record lies outside what
     * the caller sees (so that its existence does not leak), {@link Forbidden} when the caller is no writer.
     */
    public void checkWrite(Caller caller, Placement placement, String what) {
        if (!caller.sees(jurisdictions, placement)) {
            throw new NotFound(what + " was not found.");
        }
        checkWriter(caller);
    }

    /** Whether the caller may write a record placed there. */
    public boolean mayWrite(Caller caller, Placement placement) {
        return caller.isOf(AGENCY) && caller.governs(jurisdictions, placement);
    }

    /** Whether the caller may read a record placed there. */
    public boolean mayRead(Caller caller, Placement placement) {
        return caller.sees(jurisdictions, placement);
    }

    /**
     * The units whose records the caller sees, for SQL filters on {@code jurisdiction} or {@code corps_unit}; null
     * means everything (the prefecture).
     */
    public List<String> visibleUnits(Caller caller) {
        if (caller.prefecture()) {
            return null;
        }
        List<String> units = new ArrayList<>();
        if (caller.jurisdiction() == null) {
            return units;
        }
        units.add(caller.jurisdiction());
        for (Jurisdiction j : jurisdictions.all()) {
            if (!j.id().equals(caller.jurisdiction()) && jurisdictions.isWithin(j.id(), caller.jurisdiction())) {
                units.add(j.id());
            }
        }
        return units;
    }
}
