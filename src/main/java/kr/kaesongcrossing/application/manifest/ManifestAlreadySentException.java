package kr.kaesongcrossing.application.manifest;

import kr.kaesongcrossing.system.Refusal;

/** Refused: that version was already marked as sent (when and by whom stays as first recorded). */
class ManifestAlreadySentException extends Refusal {

    ManifestAlreadySentException(ManifestVersion version) {
        super("manifest version " + version.version() + " was already sent", "manifest.refused.alreadySent",
                version.version(), version.sentAtText(), version.sentByName());
    }
}
