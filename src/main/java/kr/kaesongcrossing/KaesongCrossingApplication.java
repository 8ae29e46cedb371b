package kr.kaesongcrossing;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class KaesongCrossingApplication {

    public static void main(String[] args) {
        SpringApplication.run(KaesongCrossingApplication.class, args);
    }
}
