package cn.lantian.portal.pages;

import cn.lantian.portal.upstream.StationNow;
import cn.lantian.reference.Jurisdiction;
import cn.lantian.reference.Jurisdictions;
import org.springframework.stereotype.Component;

/** Names of places in the reader's language (stations have no Uyghur names: Chinese stands in). */
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

    public String station(StationNow s, String lang) {
        return "en".equals(lang) && s.nameEn() != null ? s.nameEn() : s.nameZh();
    }
}
