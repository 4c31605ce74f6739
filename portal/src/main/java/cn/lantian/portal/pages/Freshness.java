package cn.lantian.portal.pages;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/** How old a shown value is, and whether it is older than the pages' stale limit. */
@Component
class Freshness {

    private final Duration staleAfter;
    private final MessageSource messages;
    private final Clock clock;

    @Autowired
    Freshness(PagesProperties pages, MessageSource messages) {
        this(pages.staleAfter(), messages, Clock.systemUTC());
    }

    Freshness(Duration staleAfter, MessageSource messages, Clock clock) {
        this.staleAfter = staleAfter;
        this.messages = messages;
        this.clock = clock;
    }

    /**
     * A value's age in words ("3 小时前") and whether it is stale.
     *
     * @param stale true when older than the limit, or when there is no time at all
     */
    record Age(boolean stale, String text) {}

    Age of(Instant at, String lang) {
        Locale locale = Locale.forLanguageTag(lang);
        if (at == null) {
            return new Age(true, messages.getMessage("age.unknown", null, locale));
        }
        Duration age = Duration.between(at, clock.instant());
        if (age.isNegative()) {
            age = Duration.ZERO;
        }
        String text;
        if (age.toMinutes() < 60) {
            text = messages.getMessage("age.minutes", new Object[] {age.toMinutes()}, locale);
        } else if (age.toHours() < 48) {
            text = messages.getMessage("age.hours", new Object[] {age.toHours()}, locale);
        } else {
            text = messages.getMessage("age.days", new Object[] {age.toDays()}, locale);
        }
        return new Age(age.compareTo(staleAfter) > 0, text);
    }
}
