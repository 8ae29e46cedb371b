package kr.kaesongcrossing.screening;

import static kr.kaesongcrossing.account.SignedIn.signedIn;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import kr.kaesongcrossing.account.AccountPrincipal;
import kr.kaesongcrossing.account.Role;
import kr.kaesongcrossing.account.TestAccounts;
import kr.kaesongcrossing.system.IdentityHash;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/** ADMIN adds and removes watch-list entries; the ID number is kept only as the duplicate check's keyed hash. */
@SpringBootTest
@AutoConfigureMockMvc
class WatchListAdminTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    TestAccounts accounts;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    IdentityHash identityHash;

    AccountPrincipal admin;

    @BeforeEach
    void setUp() {
        admin = accounts.create(Role.ADMIN);
    }

    @Test
    void shouldAddAnEntryWithTheIdNumberOnlyAsItsHashAndRemoveItBothAudited() throws Exception {
        String number = "M" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();

        MvcResult added = mvc.perform(post("/admin/watchlist").with(signedIn(admin)).with(csrf())
                .param("nameKorean", "김철수").param("nameLatin", "kim chol su").param("dateOfBirth", "1971-04-15")
                .param("idNumber", number).param("reason", "제재 대상").param("source", "통일부 통보 2026-11")
                .param("listedSince", "2026-11-20")).andReturn();

        assertThat(added.getResponse().getRedirectedUrl()).isEqualTo("/admin/watchlist");
        long id = jdbc.queryForObject("SELECT id FROM watch_list_entry WHERE id_number_hash = ?", Long.class,
                identityHash.of(number));
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM watch_list_entry WHERE name_latin = 'KIM CHOL SU' "
                + "AND id = ?", Long.class, id)).isOne();
        String page = page("/admin/watchlist");
        assertThat(page).contains("김철수", "KIM CHOL SU", "1971-04-15", "제재 대상", "통일부 통보 2026-11")
                .doesNotContain(number);
        assertThat(audited("watchlist.added", id)).isOne();

        MvcResult removed = mvc.perform(post("/admin/watchlist/" + id + "/remove").with(signedIn(admin))
                .with(csrf())).andReturn();

        assertThat(removed.getFlashMap().get("removed")).isEqualTo(true);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM watch_list_entry WHERE id = ?", Long.class, id))
                .isZero();
        assertThat(audited("watchlist.removed", id)).isOne();
    }

    @Test
    void shouldRefuseAnEntryWithoutNameOrWithBadInputWithMessagesAndNoServerError() throws Exception {
        long before = jdbc.queryForObject("SELECT COUNT(*) FROM watch_list_entry", Long.class);

        MockHttpServletResponse nameless = mvc.perform(post("/admin/watchlist").with(signedIn(admin)).with(csrf())
                .param("reason", "r").param("source", "s").param("listedSince", "2026-11-20")).andReturn()
                .getResponse();
        MockHttpServletResponse bad = mvc.perform(post("/admin/watchlist").with(signedIn(admin)).with(csrf())
                .param("nameKorean", "Kim").param("dateOfBirth", "1971-04-15")
                .param("reason", "r").param("source", "s").param("listedSince", "2026-11-20")).andReturn()
                .getResponse();

        assertThat(nameless.getStatus()).isEqualTo(200);
        assertThat(nameless.getContentAsString()).contains("한글 이름이나 로마자 이름, 또는 둘 다 입력하세요.");
        assertThat(bad.getStatus()).isEqualTo(200);
        assertThat(bad.getContentAsString()).contains("한글과 공백만 사용하세요.");
        MockHttpServletResponse badDate = mvc.perform(post("/admin/watchlist").with(signedIn(admin)).with(csrf())
                .param("nameKorean", "김철수").param("dateOfBirth", "yesterday").param("reason", "r")
                .param("source", "s").param("listedSince", "2026-11-20")).andReturn().getResponse();
        assertThat(badDate.getContentAsString()).contains("날짜를 2026-11-05와 같은 형식으로 입력하십시오.");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM watch_list_entry", Long.class)).isEqualTo(before);
    }

    @Test
    void shouldSayWhenAnEntryWasAlreadyRemoved() throws Exception {
        MvcResult gone = mvc.perform(post("/admin/watchlist/999999999/remove").with(signedIn(admin)).with(csrf()))
                .andReturn();

        assertThat(gone.getFlashMap().get("gone")).isEqualTo(true);
    }

    @Test
    void shouldImportACsvAfterAPreviewThatShowsEachLineWithItsProblem() throws Exception {
        String name = "가" + UUID.randomUUID().toString().chars().limit(4)
                .mapToObj(c -> String.valueOf((char) (0xAC00 + c))).reduce("", String::concat);
        String number = "M" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        String csv = "\uFEFFname_korean,name_latin,date_of_birth,id_number,reason,source,listed_since\r\n"
                + name + ",,1971-04-15," + number + ",제재 대상,통보,2026-11-20\r\n"
                + ",,1971-04-15,,이름 없음,통보,\r\n"
                + "최영,,15/04/1971,,날짜 오류,통보,\r\n";
        MockMultipartFile file = new MockMultipartFile("file", "list.csv", "text/csv",
                csv.getBytes(StandardCharsets.UTF_8));
        long before = jdbc.queryForObject("SELECT COUNT(*) FROM watch_list_entry", Long.class);

        MockHttpServletResponse previewed = mvc.perform(multipart("/admin/watchlist/import").file(file)
                .with(signedIn(admin)).with(csrf())).andReturn().getResponse();
        String preview = previewed.getContentAsString();

        assertThat(preview).contains(name, "추가 예정", "한글 이름이나 로마자 이름, 또는 둘 다 입력하세요.",
                "날짜가 yyyy-mm-dd 형식이 아닙니다.", "3줄 중 1줄을 추가할 수 있습니다.").doesNotContain(number);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM watch_list_entry", Long.class)).isEqualTo(before);

        MvcResult confirmed = mvc.perform(post("/admin/watchlist/import/confirm").cookie(previewed.getCookies())
                .with(signedIn(admin)).with(csrf())).andReturn();

        assertThat(confirmed.getFlashMap().get("imported")).isEqualTo(1);
        long id = jdbc.queryForObject("SELECT id FROM watch_list_entry WHERE id_number_hash = ? AND name_korean = ?",
                Long.class, identityHash.of(number), name);
        assertThat(audited("watchlist.added", id)).isOne();
        mvc.perform(post("/admin/watchlist/" + id + "/remove").with(signedIn(admin)).with(csrf()));

        MvcResult again = mvc.perform(post("/admin/watchlist/import/confirm").cookie(previewed.getCookies())
                .with(signedIn(admin)).with(csrf())).andReturn();
        assertThat(again.getFlashMap().get("importExpired")).isEqualTo(true);
        MvcResult unreadable = mvc.perform(multipart("/admin/watchlist/import").with(signedIn(admin)).with(csrf()))
                .andReturn();
        assertThat(unreadable.getFlashMap().get("importUnreadable")).isEqualTo(true);
    }

    @Test
    void shouldReadACsvSavedByAKoreanSpreadsheetInCp949() throws Exception {
        // 똠 and 햏 exist only in CP949's extension of EUC-KR: a plain EUC-KR reading would lose them
        String name = "똠" + UUID.randomUUID().toString().chars().limit(2)
                .mapToObj(c -> String.valueOf((char) (0xAC00 + c))).reduce("", String::concat) + "햏";
        String csv = "이름,로마자,생년월일,신분증,사유,출처,등재일\r\n" + name + ",,1971-04-15,,제재 대상,통일부 통보,\r\n";
        MockMultipartFile file = new MockMultipartFile("file", "명단.csv", "text/csv",
                csv.getBytes(Charset.forName("x-windows-949")));

        String preview = mvc.perform(multipart("/admin/watchlist/import").file(file).with(signedIn(admin))
                .with(csrf())).andReturn().getResponse().getContentAsString();

        assertThat(preview).contains(name, "추가 예정", "1줄 중 1줄을 추가할 수 있습니다.");
        assertThat(WatchListImport.decode(csv.getBytes(StandardCharsets.UTF_8))).as("UTF-8 stays UTF-8")
                .isEqualTo(csv);
        assertThat(WatchListImport.decode(("\uFEFF" + csv).getBytes(StandardCharsets.UTF_8))).isEqualTo(csv);
    }

    private String page(String path) throws Exception {
        return mvc.perform(get(path).with(signedIn(admin))).andReturn().getResponse().getContentAsString();
    }

    private Long audited(String action, long id) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM audit_event WHERE action = ? AND subject_type = 'watchlist' "
                + "AND subject_id = ?", Long.class, action, String.valueOf(id));
    }
}
