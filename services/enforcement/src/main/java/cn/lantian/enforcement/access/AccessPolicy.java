package cn.lantian.enforcement.access;

import cn.lantian.enforcement.cases.EnforcementCase;
import cn.lantian.reference.Jurisdiction;
import cn.lantian.reference.Jurisdictions;
import cn.lantian.security.Caller;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Who may do what, declared in this one class. The prefecture sees and acts on every case and alone plans campaigns
 * and publishes assessments. An officer (or agency system) sees and acts on cases of their own agency that lie in their
 * jurisdiction (a Corps officer also in the Corps units under theirs), including joint cases that list their unit; units
 * notified because a case lies near their boundary see it but do not act; a referral's target answers it. The public
 * sees closed cases' outcomes about enterprises only (see the disclosure package), never officers or notes.
 */
@Component
public class AccessPolicy {

    private final Jurisdictions jurisdictions;

    public AccessPolicy(Jurisdictions jurisdictions) {
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

    /** Whether the caller plans cross-enforcement campaigns and publishes assessments: the prefecture only. */
    public boolean coordinates(Caller caller) {
        return caller.prefecture();
    }

    /** Whether the caller may record results for a campaign team: its own unit's officers or the prefecture. */
    public boolean speaksFor(Caller caller, String team) {
        return caller.prefecture() || covers(caller, team);
    }

    /** Whether a work-queue entry concerning these units and agencies is for the caller. */
    public boolean receives(Caller caller, Collection<String> units, Collection<String> agencies) {
        return caller.prefecture() || (agencies.stream().anyMatch(caller::isOf) && coversAny(caller, units));
    }

    /** The units whose cases the caller sees (their own and those under it); null means all (the prefecture). */
    public List<String> units(Caller caller) {
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

    /** The agencies whose cases the caller sees; null means all (the prefecture). */
    public List<String> agencies(Caller caller) {
        return caller.prefecture() ? null : List.copyOf(caller.agencies());
    }

    private boolean coversAny(Caller caller, Collection<String> units) {
        return units.stream().anyMatch(u -> covers(caller, u));
    }

    private boolean covers(Caller caller, String unit) {
        String own = caller.jurisdiction();
        return own != null && unit != null && (own.equals(unit) || jurisdictions.isWithin(unit, own));
    }
}
