package kr.kaesongcrossing.application.profile;

import static kr.kaesongcrossing.account.SignedIn.signedIn;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import kr.kaesongcrossing.account.AccountPrincipal;
import kr.kaesongcrossing.account.Role;
import kr.kaesongcrossing.application.ApplicationTestSupport;
import kr.kaesongcrossing.application.TravellerProfiles;
import kr.kaesongcrossing.application.model.TravelApplication;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;

/**
 * Traveller profiles: kept once with a history, used by new applications, kept by a coordinator for the
 * organisation's people and visible to the person they are about, to nobody else.
 */
class ProfileTests extends ApplicationTestSupport {

    @Autowired
    TravellerProfiles publicProfiles;

    @Test
    void shouldKeepAProfileWithHistoryAndStartNewApplicationsFromIt() throws Exception {
        AccountPrincipal civilian = account(Role.CIVILIAN);
        MvcResult saved = mvc.perform(profileForm("/profile", civilian, "M12345678").file(photo(PHOTO.jpeg())))
                .andReturn();
        assertThat(saved.getFlashMap().get("message")).isEqualTo("profile.saved");

        String page = page(civilian, "/profile");
        assertThat(page).contains("김철수", "M1*******", "프로필 생성", "사진").doesNotContain("M12345678");
        assertThat(jdbc.queryForObject("SELECT id_number_encrypted FROM traveller_profile WHERE account_id = ?",
                String.class, civilian.id())).doesNotContain("M12345678");

        // a new phone, no new ID number or photo: those are kept, the history says what changed
        mvc.perform(profileForm("/profile", civilian, "", "phone", "010-2222-3333"));
        assertThat(page(civilian, "/profile")).contains("010-2222-3333", "전화번호", "M1*******");
        assertThat(publicProfiles.ofAccount(civilian.id())).hasValueSatisfying(p -> {
            assertThat(p.maskedIdNumber()).isEqualTo("M1*******");
            assertThat(p.hasPhoto()).isTrue();
        });

        // a new application starts from the profile: submitted without typing the ID number or choosing a photo
        assertThat(page(civilian, "/applications/new")).contains("김철수", "KIM CHEOLSU", "010-2222-3333");
        mvc.perform(filledForm("/applications/new", civilian, "idNumber", "", "nameKorean", "김철수")
                .param("action", "submit"));
        TravelApplication submitted = repository.findById(latestApplication(civilian)).orElseThrow();
        assertThat(submitted.getStatus().name()).isEqualTo("SUBMITTED");
        assertThat(submitted.getIdNumber()).isEqualTo("M12345678");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM application_photo WHERE application_id = ?", Long.class,
                submitted.getId())).isOne();

        // "copy a previous trip": the trip's purpose in detail comes along, its dates do not
        String copy = page(civilian, "/applications/new?from=" + submitted.getId());
        assertThat(copy).contains("공장 설비 점검").doesNotContain(submitted.getEntryDate().toString());
    }

    @Test
    void shouldLetACoordinatorKeepProfilesThatTheMemberSeesAndNobodyElse() throws Exception {
        long org = organisation();
        AccountPrincipal coordinator = member(org, "COORDINATOR");
        AccountPrincipal member = member(org, "MEMBER");
        AccountPrincipal stranger = account(Role.CIVILIAN);
        AccountPrincipal otherCoordinator = member(organisation(), "COORDINATOR");

        assertThat(page(coordinator, "/profile/organisations/" + org)).contains(member.email(), "없음");
        mvc.perform(profileForm("/profile/organisations/" + org + "/new?account=" + member.id(), coordinator,
                "P7654321").file(photo(PHOTO.jpeg())));
        mvc.perform(profileForm("/profile/organisations/" + org + "/new", coordinator, "X1234567",
                "nameKorean", "이영희").file(photo(PHOTO.jpeg())));
        assertThat(page(coordinator, "/profile/organisations/" + org)).contains("김철수", "이영희", "계정 없음");

        long kept = jdbc.queryForObject("SELECT id FROM traveller_profile WHERE organisation_id = ? AND account_id = ?",
                Long.class, org, member.id());
        assertThat(page(member, "/profile")).contains("김철수의 프로필");
        assertThat(page(member, "/profile/" + kept)).contains("P7*****", "프로필 생성", coordinator.displayName());
        assertThat(status(stranger, "/profile/" + kept)).isEqualTo(404);
        assertThat(status(otherCoordinator, "/profile/" + kept)).isEqualTo(404);
        assertThat(status(otherCoordinator, "/profile/organisations/" + org)).isEqualTo(404);
        assertThat(status(member, "/profile/organisations/" + org)).isEqualTo(404);
        assertThat(status(stranger, "/profile/" + kept + "/photo")).isEqualTo(404);

        // a second profile of the same member is refused with a message, not a server error
        MvcResult again = mvc.perform(profileForm("/profile/organisations/" + org + "/new?account=" + member.id(),
                coordinator, "P7654321").file(photo(PHOTO.jpeg()))).andReturn();
        assertThat(again.getFlashMap().get("problem")).isEqualTo("이 사람의 프로필은 이미 기관에 있습니다.");
    }

    @Test
    void shouldRefuseBadInputWithMessages() throws Exception {
        AccountPrincipal civilian = account(Role.CIVILIAN);
        MockHttpServletResponse response = mvc.perform(profileForm("/profile", civilian, "!!", "nameKorean",
                "<script>", "dateOfBirth", "2999-01-01", "nationality", "XXX"))
                .andReturn().getResponse();
        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(response.getContentAsString()).contains("form-hint-invalid").doesNotContain("<script>");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM traveller_profile WHERE account_id = ?", Long.class,
                civilian.id())).isZero();
    }

    /** The profile form filled in, with {@code overrides} (name, value, ...) replacing fields. */
    private MockMultipartHttpServletRequestBuilder profileForm(String url, AccountPrincipal user, String idNumber,
            String... overrides) {
        Map<String, String> fields = new LinkedHashMap<>(Map.of("nameKorean", "김철수", "nameLatin", "Kim Cheolsu",
                "dateOfBirth", "1975-03-04", "nationality", "KOR", "idDocumentType", "PASSPORT", "idNumber", idNumber,
                "phone", "010-1111-2222"));
        for (int i = 0; i + 1 < overrides.length; i += 2) {
            fields.put(overrides[i], overrides[i + 1]);
        }
        MockMultipartHttpServletRequestBuilder request = multipart(url);
        fields.forEach((name, value) -> request.param(name, value));
        return (MockMultipartHttpServletRequestBuilder) request.with(signedIn(user)).with(csrf());
    }

    private String page(AccountPrincipal user, String url) throws Exception {
        MockHttpServletResponse response = mvc.perform(get(url).with(signedIn(user))).andReturn().getResponse();
        assertThat(response.getStatus()).as(url).isEqualTo(200);
        return response.getContentAsString();
    }

    private int status(AccountPrincipal user, String url) throws Exception {
        return mvc.perform(get(url).with(signedIn(user))).andReturn().getResponse().getStatus();
    }

    /** An organisation of this test (set up directly: the organisation module's own tests cover its pages). */
    long organisation() {
        String number = UUID.randomUUID().toString().substring(0, 20);
        jdbc.update("INSERT INTO organisation (name_ko, name_en, type, registration_number, created_at) "
                + "VALUES ('시험 기관', 'Test org', 'COMPANY', ?, ?)", number, Timestamp.from(Instant.now()));
        return jdbc.queryForObject("SELECT id FROM organisation WHERE registration_number = ?", Long.class, number);
    }

    AccountPrincipal member(long organisation, String role) {
        AccountPrincipal person = accounts.create(Role.CIVILIAN, "ko", "구성원 " + UUID.randomUUID().toString()
                .substring(0, 6));
        jdbc.update("INSERT INTO organisation_member (organisation_id, account_id, role, joined_at) VALUES (?, ?, ?, ?)",
                organisation, person.id(), role, Timestamp.from(Instant.now()));
        return person;
    }
}
