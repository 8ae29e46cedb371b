package kr.kaesongcrossing.pass;

import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface PassPhotoRepository extends JpaRepository<PassPhoto, Long> {

    @Query("select ph.jpeg from PassPhoto ph, Pass p where p.passId = :passId and ph.passPk = p.id")
    Optional<byte[]> findJpegByPassId(String passId);
}
