package kr.kaesongcrossing.checkpoint.device;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** Outside demo mode the published demo device token must not open the scanner API: it is revoked at start-up. */
@Component("demoDeviceOff")
@Order(30)
@ConditionalOnProperty(name = "kc.demo.enabled", havingValue = "false", matchIfMissing = true)
class DemoDeviceOff implements ApplicationRunner {

    private static final Logger AUDIT = LoggerFactory.getLogger("kr.kaesongcrossing.audit");

    private final DeviceTokens tokens;

    DemoDeviceOff(DeviceTokens tokens) {
        this.tokens = tokens;
    }

    @Override
    public void run(ApplicationArguments args) {
        tokens.revokeToken(DemoDevice.TOKEN).ifPresent(id ->
                AUDIT.warn("demo.device-revoked device={} (demo mode is off)", id));
    }
}
