package cn.lantian.mobile.inspection;

import java.util.List;
import java.util.stream.Collectors;

/** A message of tests had rows to reject, so none of it is taken; the message names each row, field and reason. */
class RejectedTests extends RuntimeException {

    RejectedTests(List<RowError> rejected) {
        super(rejected.stream()
                .flatMap(r -> r.errors().stream().map(e -> "row " + r.row() + " " + e.field() + ": " + e.reason()))
                .collect(Collectors.joining("; ")));
    }
}
