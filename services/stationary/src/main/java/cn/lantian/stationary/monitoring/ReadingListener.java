package cn.lantian.stationary.monitoring;

import cn.lantian.reference.Placement;
import java.util.List;
import reactor.core.publisher.Mono;

/** Another feature that wants each stored batch of hourly values, inside the ingest transaction. */
public interface ReadingListener {

    /** A stored value and where its outlet lies. */
    record Stored(Reading reading, String enterpriseId, Placement placement, boolean valid) {}

    /** Called once per batch after the values are stored. */
    Mono<Void> stored(List<Stored> batch);
}
