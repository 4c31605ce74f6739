package cn.lantian.mobile.sensing;

import cn.lantian.mobile.vehicle.Vehicle;
import cn.lantian.reference.Placement;
import java.util.List;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Told of the newly stored readings of registered vehicles, inside the ingest's transaction. */
public interface ReadingListener {

    /** A newly stored reading of a registered vehicle; {@code place} is where it was taken. */
    record Stored(Reading reading, Vehicle vehicle, Placement place) {}

    /** The reading was stored; {@code place} is where it was taken. */
    Mono<Void> stored(Reading reading, Vehicle vehicle, Placement place);

    /** A batch's readings, in time order; a listener may answer a whole batch at once. */
    default Mono<Void> storedAll(List<Stored> readings) {
        return Flux.fromIterable(readings)
                .concatMap(s -> stored(s.reading(), s.vehicle(), s.place()))
                .then();
    }
}
