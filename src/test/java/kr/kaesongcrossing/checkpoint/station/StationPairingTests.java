package kr.kaesongcrossing.checkpoint.station;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import kr.kaesongcrossing.account.Role;
import kr.kaesongcrossing.checkpoint.Staff;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/** A supervisor pairs a tablet as the scan station of a gate and lane; the device is then listed and revocable. */
@SpringBootTest(properties = "kc.route.gates=DORASAN,KAESONG")
@AutoConfigureMockMvc
class StationPairingTests {

    private static final Pattern PAIRING = Pattern.compile("<div id=\"station-pairing\"\\s+data-device-token=\"(kcd_[^\"]+)\""
            + "\\s+data-gate=\"DORASAN\"\\s+data-lane=\"North 2\"\\s+data-device-name=\"([^\"]+)\"\\s+hidden>");

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void shouldPairAStationForASupervisorAndShowItsCredentialOnce() throws Exception {
        String form = mvc.perform(get("/station/pair").with(Staff.as(Role.SUPERVISOR)).param("lang", "en"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(form).contains("Pair a scan station", "value=\"DORASAN\"", "value=\"KAESONG\"", "name=\"lane\"");

        String name = "Dorasan tablet " + UUID.randomUUID();
        MvcResult paired = mvc.perform(post("/station/pair").with(Staff.as(Role.SUPERVISOR)).with(csrf())
                        .param("gate", "DORASAN").param("lane", " North 2 ").param("name", name))
                .andExpect(status().isOk()).andReturn();
        String page = paired.getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(paired.getResponse().getHeader("Cache-Control")).contains("no-store");
        Matcher pairing = PAIRING.matcher(page);
        assertThat(pairing.find()).as(page).isTrue();
        String token = pairing.group(1);
        assertThat(pairing.group(2)).isEqualTo(name);
        // the script's name carries its content hash once the front end's file is there
        assertThat(page).containsPattern("src=\"/js/station-pair(-[0-9a-f]{32})?\\.js\"").contains("href=\"/station/\"");
        assertThat(jdbc.queryForMap("SELECT gate, lane, token_hash FROM checkpoint_device WHERE name = ?", name))
                .containsEntry("GATE", "DORASAN").containsEntry("LANE", "North 2")
                .doesNotContainValue(token);

        String data = mvc.perform(get("/api/v1/station/data").header("Authorization", "Bearer " + token))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(data).contains("\"gate\":\"DORASAN\"", "\"lane\":\"North 2\"");

        String devices = mvc.perform(get("/admin/devices").with(Staff.as(Role.ADMIN)).param("lang", "en"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        String row = devices.substring(devices.indexOf(name), devices.indexOf("</tr>", devices.indexOf(name)));
        assertThat(row).contains("Dorasan CIQ", "North 2").doesNotContain("Never");
        assertThat(devices).doesNotContain(token);

        long id = jdbc.queryForObject("SELECT id FROM checkpoint_device WHERE name = ?", Long.class, name);
        mvc.perform(post("/admin/devices/{id}/revoke", id).with(Staff.as(Role.ADMIN)).with(csrf()))
                .andExpect(status().is3xxRedirection());
        for (String path : List.of("/api/v1/station/data", "/api/v1/revocations")) {
            mvc.perform(get(path).header("Authorization", "Bearer " + token)).andExpect(status().isUnauthorized());
        }
    }

    @Test
    void shouldLetOnlyASupervisorPair() throws Exception {
        Integer before = jdbc.queryForObject("SELECT COUNT(*) FROM checkpoint_device", Integer.class);
        for (Role role : List.of(Role.CHECKPOINT, Role.OFFICER, Role.CIVILIAN, Role.ADMIN)) {
            mvc.perform(get("/station/pair").with(Staff.as(role))).andExpect(status().isForbidden());
            mvc.perform(post("/station/pair").with(Staff.as(role)).with(csrf()).param("gate", "DORASAN")
                    .param("lane", "1").param("name", "not mine")).andExpect(status().isForbidden());
        }
        mvc.perform(post("/station/pair").with(Staff.as(Role.SUPERVISOR)).param("gate", "DORASAN")
                .param("lane", "1").param("name", "no csrf")).andExpect(status().isForbidden());
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM checkpoint_device", Integer.class)).isEqualTo(before);
    }

    @Test
    void shouldSendBadChoicesBackToTheFormInTheSupervisorsLanguage() throws Exception {
        Integer before = jdbc.queryForObject("SELECT COUNT(*) FROM checkpoint_device", Integer.class);
        String page = mvc.perform(post("/station/pair").with(Staff.as(Role.SUPERVISOR)).with(csrf())
                        .param("lang", "en").param("gate", "DORASAN").param("lane", "x".repeat(41))
                        .param("name", " "))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("Enter at most 40 characters.", "This field is required.")
                .doesNotContain("station-pairing");
        String unknownGate = mvc.perform(post("/station/pair").with(Staff.as(Role.SUPERVISOR)).with(csrf())
                        .param("lang", "en").param("gate", "PYONGYANG").param("lane", "1").param("name", "tablet"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(unknownGate).contains("The format is not valid.").doesNotContain("station-pairing");
        String korean = mvc.perform(post("/station/pair").with(Staff.as(Role.SUPERVISOR)).with(csrf())
                        .param("lang", "ko").param("gate", "").param("lane", "1").param("name", "태블릿"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(korean).contains("필수").doesNotContain("station-pairing");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM checkpoint_device", Integer.class)).isEqualTo(before);
    }
}
