package cn.lantian.dust.idleland;

import java.time.Instant;
import java.time.LocalDate;

/** A greening, paving or covering task of a parcel; {@code status} open or closed. */
record IdleTask(
        String id,
        String parcelId,
        Instant openedAt,
        LocalDate dueBy,
        String status,
        String outcome,
        LocalDate completedOn) {}
