package kr.kaesongcrossing.checkpoint.device;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.UUID;
import kr.kaesongcrossing.account.Role;
import kr.kaesongcrossing.checkpoint.Staff;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

@SpringBootTest
@AutoConfigureMockMvc
class DeviceTokenTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    DeviceTokens tokens;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void shouldShowAnIssuedTokenOnceAndStoreOnlyItsHash() throws Exception {
        String name = "lane-" + UUID.randomUUID();
        MvcResult issued = mvc.perform(post("/admin/devices").param("name", name).with(Staff.as(Role.ADMIN))
                        .with(csrf()))
                .andExpect(status().isOk()).andReturn();
        DeviceTokens.Issued device = (DeviceTokens.Issued) issued.getModelAndView().getModel().get("issued");
        assertThat(device.token()).startsWith("kcd_").hasSizeGreaterThan(40);
        assertThat(issued.getResponse().getContentAsString()).contains(device.token());
        assertThat(issued.getResponse().getHeader("Cache-Control")).contains("no-store");
        String later = mvc.perform(get("/admin/devices").with(Staff.as(Role.ADMIN)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(later).contains(name).doesNotContain(device.token());

        String stored = jdbc.queryForObject("SELECT token_hash FROM checkpoint_device WHERE name = ?", String.class,
                name);
        assertThat(stored).isEqualTo(DeviceTokens.hash(device.token())).doesNotContain(device.token());
    }

    @Test
    void shouldAuthenticateADeviceTokenUntilItIsRevoked() throws Exception {
        DeviceTokens.Issued device = tokens.issue("lane-" + UUID.randomUUID(), null);
        mvc.perform(get("/api/v1/nothing-here").header("Authorization", "Bearer " + device.token()))
                .andExpect(status().isNotFound());

        mvc.perform(post("/admin/devices/{id}/revoke", device.id()).with(Staff.as(Role.ADMIN)).with(csrf()))
                .andExpect(status().is3xxRedirection());

        mvc.perform(get("/api/v1/nothing-here").header("Authorization", "Bearer " + device.token()))
                .andExpect(status().isUnauthorized())
                .andExpect(content().contentTypeCompatibleWith("application/json"))
                .andExpect(jsonPath("$.error").value("invalid_token"));
    }

    @Test
    void shouldAnswer401JsonWithoutOrWithAWrongToken() throws Exception {
        mvc.perform(post("/api/v1/scans").contentType("application/json").content("{}"))
                .andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.error").value("unauthorized"));
        mvc.perform(post("/api/v1/scans").header("Authorization", "Bearer kcd_not-a-real-token")
                        .contentType("application/json").content("{}"))
                .andExpect(status().isUnauthorized())
                .andExpect(header().string("WWW-Authenticate", "Bearer error=\"invalid_token\""));
    }

    @Test
    void shouldLetStaffSessionsButNotApplicantsUseTheApi() throws Exception {
        mvc.perform(get("/api/v1/nothing-here").with(Staff.as(Role.CHECKPOINT))).andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/nothing-here").with(Staff.as(Role.CIVILIAN)))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.error").value("forbidden"));
    }

    @Test
    void shouldKeepDeviceAdministrationForAdministrators() throws Exception {
        mvc.perform(get("/admin/devices").with(Staff.as(Role.CHECKPOINT))).andExpect(status().isForbidden());
        mvc.perform(post("/admin/devices").param("name", "x").with(Staff.as(Role.OFFICER)).with(csrf()))
                .andExpect(status().isForbidden());
    }

    @Test
    void shouldRefuseAnEmptyDeviceName() throws Exception {
        String page = mvc.perform(post("/admin/devices").param("name", "  ").with(Staff.as(Role.ADMIN)).with(csrf()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("장치 이름을 입력하십시오.");
    }
}
