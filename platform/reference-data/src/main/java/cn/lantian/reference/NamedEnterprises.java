package cn.lantian.reference;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The plan's named enterprises, loaded from {@code reference/named-enterprises.json}. */
public final class NamedEnterprises {

    private NamedEnterprises() {}

    /** All four, in the plan's order. */
    public static List<NamedEnterprise> load() {
        try (InputStream in =
                NamedEnterprises.class.getClassLoader().getResourceAsStream("reference/named-enterprises.json")) {
            if (in == null) {
                throw new IllegalStateException("reference/named-enterprises.json is missing from the classpath");
            }
            List<NamedEnterprise> list = new ArrayList<>();
            for (JsonNode e : JsonMapper.builder().build().readTree(in).get("enterprises")) {
                list.add(new NamedEnterprise(
                        e.get("id").asString(),
                        e.get("nameZh").asString(),
                        e.get("nameEn").asString(),
                        e.get("industry").asString(),
                        e.get("county").asString(),
                        new double[] {
                            e.get("location").get(0).asDouble(),
                            e.get("location").get(1).asDouble()
                        },
                        e.get("planRequirement").asString(),
                        e.get("planSection").asString()));
            }
            return List.copyOf(list);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
