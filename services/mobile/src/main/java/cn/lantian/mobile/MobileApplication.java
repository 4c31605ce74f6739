package cn.lantian.mobile;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** The mobile-sources service: vehicle registry, remote-sensing and roadside readings, scrapping obligations. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class MobileApplication {

    public static void main(String[] args) {
        SpringApplication.run(MobileApplication.class, args);
    }
}
