package kr.kaesongcrossing.account.mfa;

import kr.kaesongcrossing.system.DataCipher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Seals, once, the TOTP secrets stored in plain text before V50. Each row is replaced only if it still holds the
 * plain value read, so two instances starting together seal it once.
 */
@Component
class TotpSecretsSealed {

    private static final Logger log = LoggerFactory.getLogger(TotpSecretsSealed.class);

    private final JdbcClient jdbc;
    private final DataCipher cipher;

    TotpSecretsSealed(JdbcClient jdbc, DataCipher cipher) {
        this.jdbc = jdbc;
        this.cipher = cipher;
    }

    @EventListener(ApplicationReadyEvent.class)
    void sealPlainSecrets() {
        record Plain(long accountId, String secret) {
        }
        int sealed = 0;
        for (Plain plain : jdbc.sql("SELECT account_id, secret FROM totp_factor WHERE secret NOT LIKE 'v1:%'")
                .query(Plain.class).list()) {
            sealed += jdbc.sql("UPDATE totp_factor SET secret = ? WHERE account_id = ? AND secret = ?")
                    .params(cipher.seal(TotpSecretConverter.PURPOSE, plain.secret()), plain.accountId(),
                            plain.secret())
                    .update();
        }
        if (sealed > 0) {
            log.info("Sealed {} TOTP secrets stored before sealing", sealed);
        }
    }
}
