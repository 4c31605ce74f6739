package cn.lantian.greening.access;

import cn.lantian.reference.Jurisdiction;
import cn.lantian.reference.Jurisdictions;
import cn.lantian.reference.Placement;
import cn.lantian.security.Caller;
import cn.lantian.web.Forbidden;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * The service's jurisdiction checks in one place: writes by the forestry agency inside the writer's jurisdiction (the
 * prefecture anywhere); reads filtered to what the caller's jurisdiction sees ({@link Caller#sees}).
 */
@Component
public class Access {

    /** The agency that owns greening records. */
    public static final String AGENCY = "forestry";

    private final Jurisdictions jurisdictions;

    Access(Jurisdictions jurisdictions) {
        this.jurisdictions = jurisdictions;
    }

    /** Fails with {@link Forbidden} unless the caller may create a record placed there. */
    public void checkCreate(Caller caller, Placement placement) {
        if (!caller.isOf(AGENCY)) {
            throw new Forbidden("Only the forestry agency writes greening records.");
        }
        if (!caller.governs(jurisdictions, placement)) {
            throw new Forbidden(
                    "The record lies in " + String.join("/", placement.visibleTo()) + ", outside your jurisdiction.");
        }
    }

    /** Whether the caller may change a record placed there (a record they may not change answers as absent). */
    public boolean mayWrite(Caller caller, Placement placement) {
        return caller.isOf(AGENCY) && caller.governs(jurisdictions, placement);
    }

    /** Whether the caller may read a record placed there. */
    public boolean mayRead(Caller caller, Placement placement) {
        return caller.sees(jurisdictions, placement);
    }

    /**
     * The units whose records the caller sees, for SQL filters on {@code jurisdiction} or {@code corps_unit}; null
     * means everything (the prefecture); an empty list means nothing.
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
