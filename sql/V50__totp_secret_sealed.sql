-- TOTP secrets are sealed with AES-256-GCM (DataCipher, purpose totp-secret): "v1:" + base64, about 83 characters.
-- Rows written before are sealed by the application at its next start (TotpSecretsSealed).
ALTER TABLE totp_factor MODIFY secret VARCHAR(255) NOT NULL;
