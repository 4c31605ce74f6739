package cn.lantian.airquality.observation;

import cn.lantian.airquality.aqi.AqiStandard;
import cn.lantian.airquality.aqi.AqiStandards;
import cn.lantian.airquality.station.Station;
import cn.lantian.eventing.OutgoingEvent;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/** Turns a stored hour's AQI into {@code lantian.air-quality.hourly-aqi-published.v1}. */
@Component
class HourlyAqiPublication {

    static final String TYPE = "lantian.air-quality.hourly-aqi-published.v1";

    private final AqiStandards standards;

    HourlyAqiPublication(AqiStandards standards) {
        this.standards = standards;
    }

    /** The event of an hour with an AQI; the hour is given in Beijing time, as the national centre labels it. */
    OutgoingEvent of(Observation hour, HourlyAqi.Figures figures, Station station) {
        AqiStandard standard = standards.byId(figures.standard()).orElseThrow();
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("stationId", station.id());
        data.put(
                "hour",
                DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(hour.hour().atZone(HourlyAqi.CHINA)));
        data.put("aqi", figures.aqi());
        // The contract's category is the band's rank, 1 (excellent) to 6 (severe), as the standard's table orders them.
        data.put("category", standard.categories().indexOf(standard.category(figures.aqi())) + 1);
        data.put(
                "primaryPollutants",
                figures.primary() == null
                        ? List.of()
                        : Arrays.asList(figures.primary().split(",")));
        data.put("standard", figures.standard());
        data.put("location", Map.of("lon", station.longitude(), "lat", station.latitude()));
        return OutgoingEvent.of(TYPE, "station/" + station.id(), station.placement(), "ecology", data);
    }
}
