package cn.lantian.dust;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/** The dust and catering service: construction sites, site monitors, idle land, muck trucks, roads, catering fumes. */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class DustApplication {

    public static void main(String[] args) {
        SpringApplication.run(DustApplication.class, args);
    }
}
