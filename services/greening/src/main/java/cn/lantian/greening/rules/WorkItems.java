package cn.lantian.greening.rules;

import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/** The work items the national measures list for a sand-closure protection area ({@code rules/closure-work-items.csv}). */
@Component
public class WorkItems {

    /** One work item. */
    public record Item(String id, String nameZh, String nameEn, String source) {}

    private final List<Item> items;

    public WorkItems() {
        items = RuleTable.read("rules/closure-work-items.csv").stream()
                .map(r -> new Item(r.get("id"), r.get("nameZh"), r.get("nameEn"), r.get("source")))
                .toList();
    }

    /** Every item, in the measures' order. */
    public List<Item> all() {
        return items;
    }

    /** The item ids. */
    public List<String> ids() {
        return items.stream().map(Item::id).toList();
    }

    /** Whether the id names an item. */
    public boolean known(String id) {
        return items.stream().anyMatch(i -> i.id().equals(id));
    }

    /** Ids to items, for answers. */
    public Map<String, Item> byId() {
        return items.stream().collect(java.util.stream.Collectors.toMap(Item::id, i -> i));
    }
}
