package cn.lantian.dust.idleland;

import java.time.Duration;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Opens, once a day, the tasks of parcels that have become idle too long since they were recorded. */
@Component
class IdleLandJob {

    private final IdleLandService service;

    IdleLandJob(IdleLandService service) {
        this.service = service;
    }

    @Scheduled(cron = "${lantian.dust.idle-land-cron:0 20 1 * * *}")
    void daily() {
        service.judgeAll().block(Duration.ofMinutes(10));
    }
}
