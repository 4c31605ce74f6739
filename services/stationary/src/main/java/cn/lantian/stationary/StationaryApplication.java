package cn.lantian.stationary;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/** The stationary-sources service: registry, permits, rule findings, CEMS monitoring, emergency reduction lists. */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class StationaryApplication {

    public static void main(String[] args) {
        SpringApplication.run(StationaryApplication.class, args);
    }
}
