package kr.kaesongcrossing.application.photo;

import org.springframework.data.jpa.repository.JpaRepository;

public interface ApplicationPhotoRepository extends JpaRepository<ApplicationPhoto, Long> {
}
