package cn.lantian.airquality;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** The air-quality service: stations, observations, AQI, evaluation, targets and heavy-pollution alerts. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class AirQualityApplication {

    public static void main(String[] args) {
        SpringApplication.run(AirQualityApplication.class, args);
    }
}
