package cn.lantian.stationary.access;

import cn.lantian.reference.Jurisdictions;
import cn.lantian.reference.Placement;
import cn.lantian.security.Caller;
import cn.lantian.web.Forbidden;
import cn.lantian.web.NotFound;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Who may read and write stationary sources under permit: writes by the ecology agency only inside the writer's
 * jurisdiction (the prefecture anywhere); reads filtered to what the caller's jurisdiction sees ({@link Caller#sees}).
 */
@Component
public class PermitAccess {

    /** The agency that owns stationary sources. */
    public static final String AGENCY = "ecology";

    private final Jurisdictions jurisdictions;

    public PermitAccess(Jurisdictions jurisdictions) {
        this.jurisdictions = jurisdictions;
    }

    /** Fails with {@link Forbidden} unless the caller may write a record placed there. */
    public void checkWrite(Caller caller, Placement placement) {
        if (!caller.isOf(AGENCY)) {
            throw new Forbidden("only the ecology agency writes stationary-source records");
        }
        if (!caller.governs(jurisdictions, placement)) {
            throw new Forbidden("the record lies in " + String.join("/", placement.visibleTo())
                    + ", outside your jurisdiction " + caller.jurisdiction());
        }
    }

    /**
     * Fails unless the caller may change an existing record placed there: with {@link NotFound} naming {@code what}
     * where the caller cannot even see it (so that it answers exactly as a record that does not exist), with
     * {@link Forbidden} where they see it but may not write it.
     */
    public void checkChange(Caller caller, Placement placement, String what) {
        if (!mayRead(caller, placement)) {
            throw new NotFound("No " + what + ".");
        }
        checkWrite(caller, placement);
    }

    /** Whether the caller may write there, without failing. */
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
        return caller.unitsSeen(jurisdictions).orElse(null);
    }
}
