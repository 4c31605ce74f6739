package cn.lantian.indexer.search;

import java.util.List;

/** Search parameters that cannot be honoured, each named with its reason; answered with 400 problem details. */
class InvalidParametersException extends RuntimeException {

    /** One bad parameter. */
    record InvalidParameter(String name, String reason) {
    }

    private final List<InvalidParameter> parameters;

    InvalidParametersException(List<InvalidParameter> parameters) {
        super("invalid parameters: " + parameters.stream().map(InvalidParameter::name).toList());
        this.parameters = List.copyOf(parameters);
    }

    List<InvalidParameter> parameters() {
        return parameters;
    }
}
