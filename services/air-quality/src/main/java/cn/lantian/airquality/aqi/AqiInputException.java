package cn.lantian.airquality.aqi;

/** A concentration the standard cannot index as given; names the parameter so that a problem document can. */
public class AqiInputException extends RuntimeException {

    private final String parameter;

    public AqiInputException(String parameter, String reason) {
        super(reason);
        this.parameter = parameter;
    }

    public String parameter() {
        return parameter;
    }
}
