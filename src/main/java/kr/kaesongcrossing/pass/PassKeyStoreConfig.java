package kr.kaesongcrossing.pass;

import java.nio.file.Path;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Chooses the private key store: {@code kc.signing.store=file} (default; demo and tests: a JWK file under
 * {@code kc.data-dir}) or {@code pkcs12} (mysql profile: {@code kc.signing.keystore},
 * {@code kc.signing.keystore-password}, {@code kc.signing.active-alias}).
 */
@Configuration(proxyBeanMethods = false)
class PassKeyStoreConfig {

    @Bean
    PrivateKeyStore passPrivateKeyStore(@Value("${kc.signing.store:file}") String kind,
            @Value("${kc.signing.key-file:${kc.data-dir}/pass-signing-keys.jwks.json}") String keyFile,
            @Value("${kc.signing.keystore:}") String keystore,
            @Value("${kc.signing.keystore-password:}") String keystorePassword,
            @Value("${kc.signing.active-alias:}") String activeAlias) {
        return switch (kind) {
            case "file" -> new JwkFileKeyStore(Path.of(keyFile));
            case "pkcs12" -> {
                if (keystore.isBlank()) {
                    throw new IllegalStateException("kc.signing.store=pkcs12 needs kc.signing.keystore");
                }
                yield new Pkcs12KeyStore(Path.of(keystore), keystorePassword.toCharArray(), activeAlias);
            }
            default -> throw new IllegalStateException("kc.signing.store must be file or pkcs12, not " + kind);
        };
    }
}
