package cn.lantian.mobile.vehicle;

import java.util.List;

/** The words the registry accepts for a vehicle's kind, fuel and emission stage. */
public final class Vocabulary {

    /** Vehicle kinds; heavy, medium and light trucks are the freight kinds scrapping concerns. */
    public static final List<String> KINDS =
            List.of("heavy-truck", "medium-truck", "light-truck", "bus", "car", "special", "other");

    /** Fuels, with lean-burn gas and petrol converted to gas apart because the plan scraps them. */
    public static final List<String> FUELS =
            List.of("diesel", "petrol", "gas", "lean-burn-gas", "converted-petrol-gas", "electric", "hybrid");

    /** Emission stages in order; {@code none} only for electric vehicles. */
    public static final List<String> STAGES =
            List.of("China I", "China II", "China III", "China IV", "China V", "China VI-a", "China VI-b", "none");

    private Vocabulary() {}

    /** Whether the kind is a truck. */
    public static boolean truck(String kind) {
        return kind != null && kind.endsWith("-truck");
    }
}
