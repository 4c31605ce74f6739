package cn.lantian.dust.catering;

import cn.lantian.dust.access.Access;
import cn.lantian.dust.web.Checks;
import cn.lantian.dust.web.Page;
import cn.lantian.security.Callers;
import cn.lantian.web.FieldError;
import cn.lantian.web.InvalidInput;
import cn.lantian.web.TextLength;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** Catering premises, their cleaning records and online fume readings (market regulation writes). */
@RestController
@RequestMapping("/api/dust/v1/restaurants")
class CateringController {

    /** A cleaning record as written. */
    record CleaningInput(
            @Size(max = TextLength.ID) String cleanedOn,
            @Size(max = TextLength.TEXT) String photo) {}

    /** A fume reading as sent. */
    record ReadingInput(
            @Size(max = TextLength.ID) String restaurantId,
            @Size(max = TextLength.ID) String at,
            Double fumeMgM3) {}

    private final CateringService service;
    private final Restaurants restaurants;
    private final Access access;
    private final Clock clock;

    CateringController(CateringService service, Restaurants restaurants, Access access, Clock clock) {
        this.service = service;
        this.restaurants = restaurants;
        this.access = access;
        this.clock = clock;
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    Mono<ResponseEntity<Restaurant>> create(@Valid @RequestBody CateringService.RestaurantInput in) {
        Restaurant r = service.check(in, null);
        return Callers.current()
                .flatMap(c -> service.save(c, r))
                .map(saved -> ResponseEntity.status(HttpStatus.CREATED).body(saved));
    }

    @PutMapping(path = "/{id}", consumes = MediaType.APPLICATION_JSON_VALUE)
    Mono<Restaurant> replace(@PathVariable String id, @Valid @RequestBody CateringService.RestaurantInput in) {
        Restaurant r = service.check(in, id);
        return Callers.current().flatMap(c -> service.save(c, r));
    }

    @GetMapping
    Mono<Page<Restaurant>> list(
            @RequestParam(required = false) String sizeClass,
            @RequestParam(required = false) String after,
            @RequestParam(required = false) Integer limit) {
        int size = Page.limit(limit);
        if (sizeClass != null && !List.of("small", "medium", "large").contains(sizeClass)) {
            throw InvalidInput.of("sizeClass", "must be small, medium or large");
        }
        if (after != null && Checks.textProblem(after, 64) != null) {
            throw InvalidInput.of("after", "must be at most 64 characters of text");
        }
        return Callers.current()
                .flatMap(c -> restaurants
                        .page(access.visibleUnits(c), sizeClass, after, size)
                        .collectList())
                .map(rows -> Page.of(rows, size, Restaurant::id));
    }

    @GetMapping("/{id}")
    Mono<Restaurant> one(@PathVariable String id) {
        return Callers.current().flatMap(c -> service.visible(c, id));
    }

    @PostMapping(path = "/{id}/cleanings", consumes = MediaType.APPLICATION_JSON_VALUE)
    Mono<ResponseEntity<Map<String, Object>>> cleaning(@PathVariable String id, @Valid @RequestBody CleaningInput in) {
        Checks c = new Checks();
        String text = c.text("cleanedOn", in.cleanedOn(), 10);
        LocalDate on = null;
        if (text != null) {
            try {
                on = LocalDate.parse(text);
            } catch (DateTimeParseException e) {
                c.fail("cleanedOn", "must be a date such as 2026-12-01");
            }
        }
        String photo = c.optionalText("photo", in.photo(), 300);
        c.done();
        LocalDate day = on;
        return Callers.current()
                .flatMap(caller -> service.cleaning(caller, id, day, photo))
                .map(created -> ResponseEntity.status(created ? HttpStatus.CREATED : HttpStatus.OK)
                        .body(Map.of("restaurantId", id, "cleanedOn", day.toString())));
    }

    /** Online fume readings, a JSON array taken whole or refused whole. */
    @PostMapping(path = "/readings", consumes = MediaType.APPLICATION_JSON_VALUE)
    Mono<Map<String, Integer>> readings(@RequestBody List<ReadingInput> batch) {
        if (batch == null || batch.isEmpty() || batch.size() > 10_000) {
            throw InvalidInput.of("body", "must hold 1 to 10,000 readings");
        }
        List<FieldError> errors = new ArrayList<>();
        List<FumeReading> readings = new ArrayList<>();
        Instant now = clock.instant();
        for (int i = 0; i < batch.size(); i++) {
            ReadingInput in = batch.get(i);
            String p = "[" + i + "].";
            if (in == null || in.restaurantId() == null || Checks.textProblem(in.restaurantId(), 64) != null) {
                errors.add(new FieldError(p + "restaurantId", "is required, at most 64 characters"));
                continue;
            }
            Instant at = null;
            try {
                at = in.at() == null ? null : OffsetDateTime.parse(in.at()).toInstant();
            } catch (DateTimeParseException e) {
                at = null;
            }
            if (at == null || at.isAfter(now.plus(Duration.ofMinutes(5)))) {
                errors.add(new FieldError(p + "at", "must be a past date and time with offset"));
            }
            if (in.fumeMgM3() == null || in.fumeMgM3().isNaN() || in.fumeMgM3() < 0 || in.fumeMgM3() > 1000) {
                errors.add(new FieldError(p + "fumeMgM3", "must be between 0 and 1000 mg/m³"));
            }
            if (at != null && in.fumeMgM3() != null) {
                readings.add(new FumeReading(in.restaurantId(), at, in.fumeMgM3()));
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidInput(errors);
        }
        return Callers.current()
                .flatMap(c -> service.readings(c, readings))
                .map(n -> Map.of("received", batch.size(), "violations", n));
    }
}
