package cn.lantian.enforcement.campaign;

import cn.lantian.reference.Jurisdiction;
import cn.lantian.reference.Jurisdictions;
import cn.lantian.web.FieldError;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Which pairings a cross-enforcement campaign may have (行动方案 四.二, 兵地交叉执法): a county team into a Corps unit,
 * a Corps team into a county, a county team into another county; never a team into its own unit or a unit under it,
 * and never Corps into Corps (that is the Corps' own internal supervision).
 */
public final class PairingRules {

    private final Jurisdictions jurisdictions;

    public PairingRules(Jurisdictions jurisdictions) {
        this.jurisdictions = jurisdictions;
    }

    /** Every broken rule, each naming the pairing's field; empty when the pairings are fine. */
    public List<FieldError> check(List<Pairing> pairings) {
        List<FieldError> errors = new ArrayList<>();
        if (pairings == null || pairings.isEmpty()) {
            errors.add(new FieldError("pairings", "at least one team must be paired with a unit"));
            return errors;
        }
        Set<Pairing> seen = new HashSet<>();
        for (int i = 0; i < pairings.size(); i++) {
            Pairing p = pairings.get(i);
            String at = "pairings[" + i + "]";
            Optional<Jurisdiction> team = unit(p.team());
            Optional<Jurisdiction> target = unit(p.target());
            if (team.isEmpty()) {
                errors.add(new FieldError(at + ".team", "'" + p.team() + "' is not a county, zone or Corps unit"));
            }
            if (target.isEmpty()) {
                errors.add(new FieldError(at + ".target", "'" + p.target() + "' is not a county, zone or Corps unit"));
            }
            if (team.isEmpty() || target.isEmpty()) {
                continue;
            }
            String t = team.get().id();
            String u = target.get().id();
            if (t.equals(u) || jurisdictions.isWithin(u, t) || jurisdictions.isWithin(t, u)) {
                errors.add(new FieldError(at + ".target", "team " + t + " may not inspect its own unit " + u));
            } else if (team.get().isCorps() && target.get().isCorps()) {
                errors.add(new FieldError(at + ".target", "a Corps team goes into a county, not into Corps unit " + u));
            } else if (!seen.add(new Pairing(t, u))) {
                errors.add(new FieldError(at, "team " + t + " is already paired with " + u));
            }
        }
        return errors;
    }

    private Optional<Jurisdiction> unit(String id) {
        return jurisdictions.byId(id).filter(j -> j.kind() != Jurisdiction.Kind.PREFECTURE);
    }
}
