package cn.lantian.portal.pages;

import cn.lantian.portal.upstream.StationNow;
import cn.lantian.reference.Jurisdiction;
import cn.lantian.reference.Jurisdictions;
import org.springframework.stereotype.Component;

/** Names of places in the reader's language; Chinese stands in where a name is missing in that language. */
@Component
public class Names {

    private final Jurisdictions jurisdictions;

    Names(Jurisdictions jurisdictions) {
        this.jurisdictions = jurisdictions;
    }

    public String unit(String id, String lang) {
        if (id == null) {
            return "";
        }
        return jurisdictions.byId(id).map(j -> of(j, lang)).orElse(id);
    }

    static String of(Jurisdiction j, String lang) {
        return switch (lang) {
            case "en" -> j.nameEn();
            case "ug" -> j.nameUg() == null || j.nameUg().isBlank() ? j.nameZh() : j.nameUg();
            default -> j.nameZh();
        };
    }

    /** A station's name in the reader's language; Chinese where air-quality has none in that language. */
    public String station(StationNow s, String lang) {
        return switch (lang) {
            case "en" -> s.nameEn() != null ? s.nameEn() : s.nameZh();
            case "ug" -> s.nameUg() != null && !s.nameUg().isBlank() ? s.nameUg() : s.nameZh();
            default -> s.nameZh();
        };
    }
}
