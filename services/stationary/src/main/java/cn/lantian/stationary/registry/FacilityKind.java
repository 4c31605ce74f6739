package cn.lantian.stationary.registry;

import static cn.lantian.stationary.registry.Field.optional;
import static cn.lantian.stationary.registry.Field.required;

import cn.lantian.stationary.registry.Field.Type;
import cn.lantian.web.FieldError;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ObjectNode;

/** The kinds of facility the registry keeps, each with its own attributes. */
public enum FacilityKind {
    PLANT("plant", List.of(optional("products", Type.TEXT))),
    OUTLET(
            "outlet",
            List.of(
                    required("code", Type.TEXT),
                    required(
                            "sourceKind",
                            Type.TEXT,
                            "coal-boiler",
                            "gas-boiler",
                            "oil-boiler",
                            "biomass-boiler",
                            "pellet-sinter",
                            "cement-kiln",
                            "industrial"),
                    optional("cems", Type.LIST, "PM", "SO2", "NOx", "VOCs", "NMHC"),
                    optional("allowedFlowM3h", Type.NUMBER))),
    LINE("line", List.of(optional("product", Type.TEXT), optional("allowedKw", Type.NUMBER))),
    STEP("step", List.of(optional("process", Type.TEXT))),
    BOILER(
            "boiler",
            List.of(
                    required("fuel", Type.TEXT, "coal", "gas", "biomass", "oil"),
                    required("capacityTph", Type.NUMBER),
                    required("builtUp", Type.BOOLEAN),
                    optional("year", Type.INTEGER),
                    optional(
                            "dustRemoval",
                            Type.TEXT,
                            "none",
                            "cyclone",
                            "bag",
                            "electrostatic",
                            "wet",
                            "bag-electrostatic"),
                    optional("denitration", Type.TEXT, "none", "low-nox-burner", "sncr", "scr", "sncr-scr"),
                    optional("ultraLow", Type.BOOLEAN),
                    optional("noxMgM3", Type.NUMBER),
                    optional("cems", Type.LIST, "PM", "SO2", "NOx"),
                    optional("outletId", Type.TEXT))),
    PETROL_STATION("petrol-station", vapourFields()),
    OIL_DEPOT("oil-depot", vapourFields()),
    COAL_DEALER(
            "coal-dealer",
            List.of(
                    optional("licence", Type.TEXT),
                    optional("lastInspection", Type.DATE),
                    optional("coalQualityPassed", Type.BOOLEAN)));

    /** Statuses a facility may have; phased-out and closed are final in practice but not enforced. */
    public static final Set<String> STATUSES = Set.of("operating", "stopped", "under-retrofit", "phased-out", "closed");

    private final String id;
    private final List<Field> fields;

    FacilityKind(String id, List<Field> fields) {
        this.id = id;
        this.fields = fields;
    }

    private static List<Field> vapourFields() {
        return List.of(
                required("petrolSalesTpy", Type.NUMBER),
                required("vapourRecovery", Type.BOOLEAN),
                optional("autoMonitoring", Type.BOOLEAN),
                optional("lastVapourTest", Type.DATE),
                optional("lastVapourTestPassed", Type.BOOLEAN));
    }

    /** The kind's name in the API and the database. */
    public String id() {
        return id;
    }

    /** The kind named so, if any. */
    public static Optional<FacilityKind> of(String id) {
        return Arrays.stream(values()).filter(k -> k.id.equals(id)).findFirst();
    }

    /**
     * Builds the attributes document from text cells (a CSV row): numbers, booleans and lists ({@code ;}-separated)
     * by the kind's field types; blank cells are left out; unknown columns are kept as text so that they are reported.
     */
    ObjectNode attributesFromText(Map<String, String> cells, ObjectMapper json) {
        ObjectNode node = json.createObjectNode();
        cells.forEach((name, value) -> {
            if (value == null || value.isBlank()) {
                return;
            }
            Field.Type type = fields.stream()
                    .filter(f -> f.name().equals(name))
                    .map(Field::type)
                    .findFirst()
                    .orElse(Field.Type.TEXT);
            switch (type) {
                case NUMBER -> {
                    try {
                        node.put(name, Double.parseDouble(value));
                    } catch (NumberFormatException e) {
                        node.put(name, value);
                    }
                }
                case INTEGER -> {
                    try {
                        node.put(name, Integer.parseInt(value));
                    } catch (NumberFormatException e) {
                        node.put(name, value);
                    }
                }
                case BOOLEAN -> {
                    if (value.equalsIgnoreCase("true") || value.equalsIgnoreCase("false")) {
                        node.put(name, Boolean.parseBoolean(value));
                    } else {
                        node.put(name, value);
                    }
                }
                case LIST -> {
                    var array = node.putArray(name);
                    Arrays.stream(value.split(";"))
                            .map(String::trim)
                            .filter(v -> !v.isEmpty())
                            .forEach(array::add);
                }
                default -> node.put(name, value);
            }
        });
        return node;
    }

    /** Every error of the attributes document: bad fields, and fields this kind does not have. */
    List<FieldError> check(JsonNode attributes) {
        List<FieldError> errors = new ArrayList<>();
        if (attributes == null || !attributes.isObject()) {
            errors.add(new FieldError("attributes", "must be an object"));
            return errors;
        }
        fields.forEach(f -> f.check(attributes).ifPresent(errors::add));
        for (String name : attributes.propertyNames()) {
            if (fields.stream().noneMatch(f -> f.name().equals(name))) {
                errors.add(new FieldError("attributes." + name, "is not an attribute of a " + id));
            }
        }
        return errors;
    }
}
