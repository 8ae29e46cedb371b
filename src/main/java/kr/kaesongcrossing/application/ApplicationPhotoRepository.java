package kr.kaesongcrossing.application;

import org.springframework.data.jpa.repository.JpaRepository;

interface ApplicationPhotoRepository extends JpaRepository<ApplicationPhoto, Long> {
}
