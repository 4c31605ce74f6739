package cn.lantian.enforcement.cases;

import cn.lantian.reference.Jurisdictions;
import cn.lantian.security.Caller;
import java.util.Collection;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Who may see and act on a case. The prefecture sees and acts on every case. An officer (or agency system) sees and acts
 * on cases of their own agency that lie in their jurisdiction (a Corps officer also in the Corps units under theirs),
 * including joint cases that list their unit; units notified because a case lies near their boundary see it but do not
 * act; a referral's target answers it. The public sees closed cases' outcomes about enterprises only (see the
 * disclosure package), never officers or notes.
 */
@Component
public class CaseAccess {

    private final Jurisdictions jurisdictions;

    public CaseAccess(Jurisdictions jurisdictions) {
        this.jurisdictions = jurisdictions;
    }

    /** Whether the caller may read the case. */
    public boolean reads(Caller caller, EnforcementCase c) {
        if (caller.prefecture()) {
            return true;
        }
        boolean agency = caller.isOf(c.agency()) || (c.referralAgency() != null && caller.isOf(c.referralAgency()));
        return agency && coversAny(caller, c.audience());
    }

    /** Whether the caller may move the case through its lifecycle. */
    public boolean acts(Caller caller, EnforcementCase c) {
        return caller.prefecture() || (caller.isOf(c.agency()) && coversAny(caller, c.actingUnits()));
    }

    /** Whether the caller may accept or refuse the case's pending referral. */
    public boolean answersReferral(Caller caller, EnforcementCase c) {
        if (caller.prefecture()) {
            return true;
        }
        String agency = c.referralAgency() != null ? c.referralAgency() : c.agency();
        List<String> units = c.referralJurisdiction() != null ? List.of(c.referralJurisdiction()) : c.actingUnits();
        return caller.isOf(agency) && coversAny(caller, units);
    }

    /** The units whose cases the caller sees (their own and those under it); null means all (the prefecture). */
    public List<String> units(Caller caller) {
        return caller.unitsSeen(jurisdictions).orElse(null);
    }

    /** The agencies whose cases the caller sees; null means all (the prefecture). */
    public List<String> agencies(Caller caller) {
        return caller.prefecture() ? null : List.copyOf(caller.agencies());
    }

    private boolean coversAny(Caller caller, Collection<String> units) {
        return units.stream().anyMatch(u -> caller.covers(jurisdictions, u));
    }
}
