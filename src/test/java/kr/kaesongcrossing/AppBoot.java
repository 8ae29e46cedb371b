package kr.kaesongcrossing;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Boots the real application as {@code java -jar} would: only the packaged configuration
 * ({@code classpath:/application*.properties}, not the test configuration), on a random port.
 */
public final class AppBoot implements AutoCloseable {

    private final ConfigurableApplicationContext context;

    private AppBoot(ConfigurableApplicationContext context) {
        this.context = context;
    }

    public static AppBoot start(String... arguments) {
        List<String> args = new ArrayList<>(List.of("--spring.config.location=optional:classpath:/",
                "--server.port=0", "--spring.main.banner-mode=off"));
        args.addAll(Arrays.asList(arguments));
        return new AppBoot(new SpringApplicationBuilder(KaesongCrossingApplication.class)
                .run(args.toArray(String[]::new)));
    }

    public int port() {
        return Integer.parseInt(context.getEnvironment().getRequiredProperty("local.server.port"));
    }

    public ConfigurableApplicationContext context() {
        return context;
    }

    public WebClient http() {
        return WebClient.forPort(port()).acceptingHtml();
    }

    @Override
    public void close() {
        context.close();
    }
}
