package kr.kaesongcrossing.retention;

import org.springframework.data.jpa.repository.JpaRepository;

interface RetentionSettingsRepository extends JpaRepository<RetentionSettings, Integer> {
}
