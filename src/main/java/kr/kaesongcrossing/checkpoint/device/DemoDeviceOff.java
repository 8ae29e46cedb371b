package kr.kaesongcrossing.checkpoint.device;

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

    private final DeviceTokens tokens;

    DemoDeviceOff(DeviceTokens tokens) {
        this.tokens = tokens;
    }

    @Override
    public void run(ApplicationArguments args) {
        tokens.revokeToken(DemoDevice.TOKEN, "demo-device-off");
    }
}
