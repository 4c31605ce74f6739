package cn.lantian.mobile.sensing;

import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

/** A batch had lines to reject, so none of it is taken; the message names each line, field and reason. */
class RejectedReadings extends RuntimeException {

    private final transient List<Rejection> rejections;

    RejectedReadings(List<Rejection> rejections) {
        super(rejections.stream()
                .sorted(Comparator.comparingInt(Rejection::line))
                .map(r -> "line " + r.line() + " " + r.field() + ": " + r.reason())
                .collect(Collectors.joining("; ")));
        this.rejections = List.copyOf(rejections);
    }

    List<Rejection> rejections() {
        return rejections;
    }
}
