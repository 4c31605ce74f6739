package cn.lantian.airquality.demo;

import cn.lantian.airquality.station.Station;

/** A demo station as listed in {@code demo/stations.csv}, with its pollution level relative to Kashgar City. */
record DemoStation(Station station, double level) {}
