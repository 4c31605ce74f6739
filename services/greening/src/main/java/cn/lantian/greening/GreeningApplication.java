package cn.lantian.greening;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** The greening and desert-edge service: afforestation projects, sand-closure areas, idle-land greening tasks. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class GreeningApplication {

    public static void main(String[] args) {
        SpringApplication.run(GreeningApplication.class, args);
    }
}
