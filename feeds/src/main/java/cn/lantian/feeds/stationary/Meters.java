package cn.lantian.feeds.stationary;

import java.io.IOException;
import java.util.List;
import java.util.Map;

/** What the meters' system knows of stationary: the lines it meters, and what each may use under measures in force. */
interface Meters {

    /** The ids of the lines with a meter. */
    List<String> lines() throws IOException;

    /** The highest use (kW) each line is allowed now, for the lines under an emergency measure only. */
    Map<String, Double> allowedKw() throws IOException;
}
