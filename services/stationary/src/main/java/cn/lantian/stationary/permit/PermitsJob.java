package cn.lantian.stationary.permit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.reactive.TransactionalOperator;

/** Once a day: expire permits past their end and warn about those ending soon. */
@Component
class PermitsJob {

    private static final Logger LOG = LoggerFactory.getLogger(PermitsJob.class);

    private final PermitService service;
    private final TransactionalOperator tx;

    PermitsJob(PermitService service, TransactionalOperator tx) {
        this.service = service;
        this.tx = tx;
    }

    @Scheduled(cron = "${lantian.stationary.daily-cron}", zone = "Asia/Shanghai")
    void daily() {
        service.expireAndWarn(tx::transactional)
                .count()
                .subscribe(
                        n -> LOG.info("permit check handled {} permits", n), e -> LOG.error("permit check failed", e));
    }
}
