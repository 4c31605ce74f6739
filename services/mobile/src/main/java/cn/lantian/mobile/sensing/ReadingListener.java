package cn.lantian.mobile.sensing;

import cn.lantian.mobile.vehicle.Vehicle;
import cn.lantian.reference.Placement;
import reactor.core.publisher.Mono;

/** Told of each newly stored reading of a registered vehicle, inside the ingest's transaction. */
public interface ReadingListener {

    /** The reading was stored; {@code place} is where it was taken. */
    Mono<Void> stored(Reading reading, Vehicle vehicle, Placement place);
}
