package cn.lantian.portal.pages;

import cn.lantian.portal.aqi.Categories;
import cn.lantian.portal.opendata.Licence;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;
import org.springframework.web.server.ServerWebExchange;

/** What every page's frame needs: language and direction, the page's name for the navigation, licence, legend. */
@Component
class PageFrame {

    private final Licence licence;
    private final Categories categories;

    PageFrame(Licence licence, Categories categories) {
        this.licence = licence;
        this.categories = categories;
    }

    /** Fills the frame's attributes and answers the reader's language. */
    String common(ServerWebExchange exchange, Model model, String page) {
        String lang = Languages.of(exchange);
        model.addAttribute("lang", lang);
        model.addAttribute("dir", "ug".equals(lang) ? "rtl" : "ltr");
        model.addAttribute("page", page);
        model.addAttribute("path", exchange.getRequest().getPath().value());
        model.addAttribute("licence", licence);
        model.addAttribute("categories", categories.all());
        return lang;
    }
}
