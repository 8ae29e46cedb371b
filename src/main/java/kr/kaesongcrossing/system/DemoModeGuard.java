package kr.kaesongcrossing.system;

import java.util.Locale;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.context.EnvironmentAware;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Demo mode (known passwords on the login page, a known device token) runs only on the embedded H2 database, so
 * demo data can never reach a real server. Checked before any bean is made, so a wrong configuration stops the
 * start-up before a connection is opened or a migration runs. Without {@code spring.datasource.url} Spring Boot
 * makes an in-memory database, which is embedded too.
 */
@Component
class DemoModeGuard implements BeanFactoryPostProcessor, EnvironmentAware {

    private Environment environment;

    @Override
    public void setEnvironment(Environment environment) {
        this.environment = environment;
    }

    @Override
    public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
        check(environment.getProperty("kc.demo.enabled", Boolean.class, false),
                environment.getProperty("spring.datasource.url"));
    }

    static void check(boolean demoMode, String datasourceUrl) {
        if (demoMode && !isEmbeddedH2(datasourceUrl)) {
            throw new IllegalStateException("Demo mode (kc.demo.enabled=true) runs only on the embedded H2 database "
                    + "(jdbc:h2:file: or jdbc:h2:mem:), but the datasource is " + scheme(datasourceUrl)
                    + ". Set kc.demo.enabled=false (the mysql profile does) to use this database.");
        }
    }

    static boolean isEmbeddedH2(String url) {
        if (url == null || url.isBlank()) {
            return true;
        }
        String u = url.strip().toLowerCase(Locale.ROOT);
        return u.startsWith("jdbc:h2:") && !u.startsWith("jdbc:h2:tcp:") && !u.startsWith("jdbc:h2:ssl:");
    }

    /** Only the kind of database: a URL may carry a password. */
    private static String scheme(String url) {
        String[] parts = url.strip().split(":", 4);
        return parts.length >= 3 ? parts[0] + ":" + parts[1] + ":" + parts[2].split("[/;?]")[0] : "not H2";
    }
}
