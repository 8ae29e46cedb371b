package kr.kaesongcrossing.checkpoint.device;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** Demo mode only: a scanner device whose token is printed in the docs. */
@Component
@Order(30)
@ConditionalOnProperty(name = "kc.demo.enabled", havingValue = "true")
class DemoDevice implements ApplicationRunner {

    static final String NAME = "demo-lane-1";
    static final String TOKEN = "demo-checkpoint-device-token";

    private final DeviceTokens tokens;

    DemoDevice(DeviceTokens tokens) {
        this.tokens = tokens;
    }

    @Override
    public void run(ApplicationArguments args) {
        tokens.ensure(NAME, TOKEN);
    }
}
