package kr.kaesongcrossing.pass;

import kr.kaesongcrossing.account.TestAccounts;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** One Spring context for all pass tests (same annotations, so the context is cached and shared). */
@SpringBootTest
@AutoConfigureMockMvc
@RecordApplicationEvents
abstract class PassTestSupport {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    ApplicationEventPublisher publisher;

    @Autowired
    PlatformTransactionManager transactionManager;

    @Autowired
    TestAccounts accounts;

    PassFixtures fixtures;

    @BeforeEach
    void setUpFixtures() {
        fixtures = new PassFixtures(accounts, jdbc, publisher, new TransactionTemplate(transactionManager));
    }
}
