package kr.kaesongcrossing.application.manifest;

import kr.kaesongcrossing.system.Refusal;

/** Refused: the version asked for is no longer the slot's latest (someone recorded a newer one meanwhile). */
class ManifestChangedException extends Refusal {

    ManifestChangedException(int version, int latest) {
        super("manifest version " + version + " is not the latest (" + latest + ")", "manifest.refused.notLatest",
                version, latest);
    }
}
