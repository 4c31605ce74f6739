package cn.lantian.straw;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** The straw and open-burning service: satellite fire points, patrols, straw use and alert measures. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class StrawApplication {

    public static void main(String[] args) {
        SpringApplication.run(StrawApplication.class, args);
    }
}
