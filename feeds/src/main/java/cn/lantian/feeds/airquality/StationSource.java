package cn.lantian.feeds.airquality;

import java.io.IOException;
import java.util.List;

/** Where the feed learns the stations and where each stands: the public API ({@link PublicStations}), a list in the tests. */
interface StationSource {

    List<PublicStations.Known> all() throws IOException;
}
