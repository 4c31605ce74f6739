package cn.lantian.enforcement;

import cn.lantian.enforcement.assessment.Weights;
import cn.lantian.enforcement.routing.CaseRouter;
import cn.lantian.enforcement.routing.RoutingTable;
import cn.lantian.reference.Jurisdictions;
import java.time.Clock;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.ReactiveTransactionManager;
import org.springframework.transaction.reactive.TransactionalOperator;

/** Beans the features share. */
@Configuration
class Config {

    /** The time source; tests replace it to move past deadlines. */
    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }

    /** Which findings open or close cases: data shipped with the service. */
    @Bean
    RoutingTable routingTable() {
        return RoutingTable.load("routing/case-routes.json");
    }

    @Bean
    CaseRouter caseRouter(RoutingTable table, Jurisdictions jurisdictions, Clock clock) {
        return new CaseRouter(table, jurisdictions, clock);
    }

    /** The assessment's scoring rule: data shipped with the service. */
    @Bean
    Weights assessmentWeights() {
        return Weights.load("assessment/weights.json");
    }

    @Bean
    TransactionalOperator transactionalOperator(ReactiveTransactionManager transactions) {
        return TransactionalOperator.create(transactions);
    }
}
