package cn.lantian.enforcement;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/** The joint-enforcement service: cases from findings, cross-enforcement campaigns, half-yearly assessment. */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class EnforcementApplication {

    public static void main(String[] args) {
        SpringApplication.run(EnforcementApplication.class, args);
    }
}
