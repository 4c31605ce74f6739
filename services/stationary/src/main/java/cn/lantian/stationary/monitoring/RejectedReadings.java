package cn.lantian.stationary.monitoring;

import java.util.List;
import java.util.stream.Collectors;

/** A batch that must be taken whole had lines to reject; the message names each line, field and reason. */
public class RejectedReadings extends RuntimeException {

    private final transient List<Rejection> rejections;

    public RejectedReadings(List<Rejection> rejections) {
        super(rejections.stream()
                .sorted(java.util.Comparator.comparingInt(Rejection::line))
                .map(r -> "line " + r.line() + " " + r.field() + ": " + r.message())
                .collect(Collectors.joining("; ")));
        this.rejections = List.copyOf(rejections);
    }

    /** The rejected lines. */
    public List<Rejection> rejections() {
        return rejections;
    }
}
