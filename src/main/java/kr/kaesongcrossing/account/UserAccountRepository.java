package kr.kaesongcrossing.account;

import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;

interface UserAccountRepository extends JpaRepository<UserAccount, Long> {

    Optional<UserAccount> findByEmailIgnoreCase(String email);

    boolean existsByEmailIgnoreCase(String email);

    List<UserAccount> findByEmailEndingWithIgnoreCaseAndEnabledTrue(String suffix);

    boolean existsByRole(Role role);

    long countByRoleAndEnabledTrue(Role role);

    Page<UserAccount> findAllByOrderByEmailAsc(Pageable pageable);
}
