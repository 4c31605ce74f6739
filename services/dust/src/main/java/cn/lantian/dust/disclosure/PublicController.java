package cn.lantian.dust.disclosure;

import cn.lantian.dust.web.Page;
import cn.lantian.web.InvalidInput;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** The portal's token-free lists of construction sites and confirmed violations. */
@RestController
class PublicController {

    private static final Pattern UNIT = Pattern.compile("[0-9a-z-]{1,20}");
    private static final Pattern CURSOR = Pattern.compile("[A-Za-z0-9._:/+-]{1,200}");

    private final PublicRecords records;
    private final Clock clock;

    PublicController(PublicRecords records, Clock clock) {
        this.records = records;
        this.clock = clock;
    }

    /** Sites with their monitor status (monitored, missing, silent, not-required) and latest hourly PM10. */
    @GetMapping("/api/public/v1/dust/sites")
    Mono<Page<PublicRecords.PublicSite>> sites(
            @RequestParam(required = false) String county,
            @RequestParam(required = false) String after,
            @RequestParam(required = false) Integer limit) {
        int size = Page.limit(limit);
        check("county", county, UNIT);
        check("after", after, CURSOR);
        return records.sites(county, after, size)
                .collectList()
                .map(rows -> Page.of(rows, size, PublicRecords.PublicSite::id));
    }

    /** Confirmed violations since {@code from} (a date, Beijing time; default 30 days ago). */
    @GetMapping("/api/public/v1/dust/violations")
    Mono<Page<PublicRecords.PublicViolation>> violations(
            @RequestParam(required = false) String county,
            @RequestParam(required = false) String from,
            @RequestParam(required = false) String after,
            @RequestParam(required = false) Integer limit) {
        int size = Page.limit(limit);
        check("county", county, UNIT);
        check("after", after, CURSOR);
        Instant since = clock.instant().minus(Duration.ofDays(30));
        if (from != null) {
            try {
                since = LocalDate.parse(from)
                        .atStartOfDay(ZoneId.of("Asia/Shanghai"))
                        .toInstant();
            } catch (DateTimeParseException e) {
                throw InvalidInput.of("from", "must be a date such as 2026-11-01");
            }
        }
        return records.violations(county, since, after, size)
                .collectList()
                .map(rows -> Page.of(rows, size, PublicRecords.PublicViolation::id));
    }

    private static void check(String field, String value, Pattern pattern) {
        if (value != null && !pattern.matcher(value).matches()) {
            throw InvalidInput.of(field, "is not a valid value");
        }
    }
}
