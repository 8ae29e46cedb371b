package kr.kaesongcrossing.application.vehicle;

import static kr.kaesongcrossing.account.SignedIn.signedIn;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import kr.kaesongcrossing.account.AccountPrincipal;
import kr.kaesongcrossing.account.Role;
import kr.kaesongcrossing.application.ApplicationStatus;
import kr.kaesongcrossing.application.ApplicationTestSupport;
import kr.kaesongcrossing.application.model.Actor;
import kr.kaesongcrossing.audit.AuditRows;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The vehicle registry and vehicles on trips, on the real database (H2 by default, MariaDB with KC_TEST_DB=mysql):
 * who sees and changes which vehicles, a trip that brings one, its vehicle pass and the slots' vehicle caps.
 */
class VehicleTests extends ApplicationTestSupport {

    private long organisation() {
        String number = "V-" + UUID.randomUUID().toString().substring(0, 12);
        jdbc.update("INSERT INTO organisation (name_ko, name_en, type, registration_number, created_at) "
                + "VALUES ('차량 기업', 'Vehicle company', 'COMPANY', ?, ?)", number, Timestamp.from(Instant.now()));
        return jdbc.queryForObject("SELECT id FROM organisation WHERE registration_number = ?", Long.class, number);
    }

    private AccountPrincipal member(long organisation, String role) {
        AccountPrincipal person = account(Role.CIVILIAN);
        jdbc.update("INSERT INTO organisation_member (organisation_id, account_id, role, joined_at) VALUES (?, ?, ?, ?)",
                organisation, person.id(), role, Timestamp.from(Instant.now()));
        return person;
    }

    /** A plate no other test uses: two digits, a Hangul syllable, four digits. */
    private static String plate() {
        int n = (int) (Math.abs(UUID.randomUUID().getMostSignificantBits()) % 100_000_000L);
        return String.format("%02d", n % 100) + (char) (0xAC00 + (n / 100) % 11172) + String.format("%04d",
                (n / 1000) % 10000);
    }

    private MockHttpServletRequestBuilder vehicleForm(String url, AccountPrincipal user, String plate,
            Long organisationId, LocalDate permitExpires) {
        MockHttpServletRequestBuilder request = post(url).param("plate", plate).param("type", "VAN")
                .param("make", "현대 스타리아").param("colour", "흰색").param("permitNumber", "OP-2026/0001")
                .param("permitExpires", permitExpires.toString()).with(signedIn(user)).with(csrf());
        return organisationId == null ? request : request.param("organisationId", organisationId.toString());
    }

    private long vehicleId(String plate) {
        return jdbc.queryForObject("SELECT id FROM vehicle WHERE plate = ?", Long.class, plate);
    }

    @Test
    void shouldLetACoordinatorRegisterTheOrganisationsVehicleForItsMembersOnly() throws Exception {
        long org = organisation();
        AccountPrincipal coordinator = member(org, "COORDINATOR");
        AccountPrincipal member = member(org, "MEMBER");
        AccountPrincipal outsider = account(Role.CIVILIAN);
        String plate = plate();

        mvc.perform(vehicleForm("/vehicles/new", coordinator, plate.substring(0, 3) + " " + plate.substring(3), org,
                today().plusYears(1))).andExpect(redirectedUrl("/vehicles"));
        long id = vehicleId(plate); // stored normalised, without the blank

        assertThat(page("/vehicles", member)).contains(plate).contains("차량 기업");
        assertThat(page("/vehicles", outsider)).doesNotContain(plate);
        mvc.perform(get("/vehicles/" + id).with(signedIn(outsider))).andExpect(status().isNotFound());
        mvc.perform(vehicleForm("/vehicles/" + id, member, plate, null, today().plusYears(2)))
                .andExpect(flash().attribute("problem", "기관 차량은 그 기관의 담당자만 고칠 수 있습니다."));
        mvc.perform(vehicleForm("/vehicles/new", outsider, plate(), org, today().plusYears(1)))
                .andExpect(status().isNotFound());
        assertThat(AuditRows.about(jdbc, "vehicle", id)).extracting(AuditRows.Row::action)
                .containsExactly("vehicle.registered");
    }

    @Test
    void shouldKeepPlatesUniqueAmongActiveVehiclesAndFreeARetiredOnesPlate() throws Exception {
        AccountPrincipal owner = account(Role.CIVILIAN);
        AccountPrincipal other = account(Role.CIVILIAN);
        String plate = plate();
        mvc.perform(vehicleForm("/vehicles/new", owner, plate, null, today().plusYears(1)))
                .andExpect(redirectedUrl("/vehicles"));

        mvc.perform(vehicleForm("/vehicles/new", other, plate.substring(0, 2) + "-" + plate.substring(2), null,
                today().plusYears(1))).andExpect(flash().attribute("problem",
                        "차량 번호 " + plate + "은(는) 이미 등록되어 있습니다."));
        long id = vehicleId(plate);
        mvc.perform(post("/vehicles/" + id + "/retire").with(signedIn(owner)).with(csrf()))
                .andExpect(redirectedUrl("/vehicles"));
        mvc.perform(vehicleForm("/vehicles/new", other, plate, null, today().plusYears(1)))
                .andExpect(redirectedUrl("/vehicles"));

        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM vehicle WHERE plate = ?", Integer.class, plate))
                .isEqualTo(2);
        assertThat(AuditRows.about(jdbc, "vehicle", id)).extracting(AuditRows.Row::action)
                .containsExactly("vehicle.registered", "vehicle.retired");
    }

    @Test
    void shouldRefuseBadInputWithAMessageAndStoreNothing() throws Exception {
        AccountPrincipal owner = account(Role.CIVILIAN);
        String page = mvc.perform(vehicleForm("/vehicles/new", owner, "<b>!", null, today()).param("type", "TANK"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("차량 번호를 숫자, 한글, 영문 2~12자로 입력하십시오.");
        String farFuture = mvc.perform(post("/vehicles/new").param("plate", plate()).param("type", "VAN")
                        .param("make", "차").param("colour", "흰색").param("permitNumber", "OP-1")
                        .param("permitExpires", "+100000-01-01").with(signedIn(owner)).with(csrf()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(farFuture).contains("2000년부터 2099년 사이의 날짜를 입력하십시오.");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM vehicle WHERE registered_by = ?", Integer.class,
                owner.id())).isZero();
    }

    @Test
    void shouldBringAVehicleOnATripAndIssueItsVehiclePassOnApproval() throws Exception {
        long org = organisation();
        AccountPrincipal coordinator = member(org, "COORDINATOR");
        AccountPrincipal driver = member(org, "MEMBER");
        AccountPrincipal officer = account(Role.OFFICER);
        String plate = plate();
        mvc.perform(vehicleForm("/vehicles/new", coordinator, plate, org, today().plusYears(1)));
        long vehicle = vehicleId(plate);

        mvc.perform(filledForm("/applications/new", driver, "vehiclePlate", "", "vehicleType", "",
                "vehicleId", String.valueOf(vehicle)).file(photo(PHOTO.jpeg())).param("action", "submit"))
                .andExpect(status().is3xxRedirection());
        long id = latestApplication(driver);
        Map<String, Object> trip = jdbc.queryForMap(
                "SELECT vehicle_id, vehicle_plate, vehicle_type FROM travel_application WHERE id = ?", id);
        assertThat(trip).containsEntry("vehicle_plate", plate).containsEntry("vehicle_type", "VAN");
        assertThat(((Number) trip.get("vehicle_id")).longValue()).isEqualTo(vehicle);
        // the slots' vehicle caps count it, both ways
        assertThat(jdbc.queryForList("SELECT vehicles FROM slot_booking WHERE application_id = ?", Integer.class, id))
                .containsExactly(1, 1);

        reviews.approve(id, version(id), Actor.of(officer));
        reviews.recordConsent(id, version(id), Actor.of(officer), true, "NK-V-" + id, null);
        assertThat(statusOf(id)).isEqualTo(ApplicationStatus.APPROVED_FOR_TRAVEL);

        List<Map<String, Object>> passes = jdbc.queryForList("SELECT pass_id, kind, vehicle_plate, token, "
                + "holder_account_id FROM pass WHERE application_id = ? ORDER BY kind", id);
        assertThat(passes).extracting(p -> p.get("kind")).containsExactly("PERSON", "VEHICLE");
        Map<String, Object> vehiclePass = passes.get(1);
        assertThat(vehiclePass.get("vehicle_plate")).isEqualTo(plate);
        assertThat(((Number) vehiclePass.get("holder_account_id")).longValue()).isEqualTo(driver.id());
        String claims = claims((String) vehiclePass.get("token"));
        assertThat(claims).contains("\"typ\":\"vehicle\"").contains("\"plate\":\"" + plate + "\"")
                .doesNotContain("name");
        assertThat(claims((String) passes.get(0).get("token"))).doesNotContain("typ").contains("name_ko");

        String personPage = page("/passes/" + passes.get(0).get("pass_id"), driver);
        assertThat(personPage).contains(plate + " 차량 출입증").contains("/passes/" + vehiclePass.get("pass_id")
                + "/qr.png");
        String list = page("/passes", driver); // the trip's person pass first, its vehicle pass right after
        assertThat(list.indexOf("/passes/" + passes.get(0).get("pass_id"))).isPositive()
                .isLessThan(list.indexOf("/passes/" + vehiclePass.get("pass_id")));
        assertThat(list).contains("차량 " + plate);
        mvc.perform(get("/passes/" + vehiclePass.get("pass_id") + "/pdf").with(signedIn(driver)))
                .andExpect(status().isOk());

        applications.withdraw(id, driver, "plans changed");
        assertThat(jdbc.queryForList("SELECT revoked_at FROM pass WHERE application_id = ?", Object.class, id))
                .hasSize(2).doesNotContainNull();
    }

    @Test
    void shouldRefuseAVehicleWhosePermitEndsBeforeTheReturn() throws Exception {
        AccountPrincipal driver = account(Role.CIVILIAN);
        String plate = plate();
        mvc.perform(vehicleForm("/vehicles/new", driver, plate, null, today().plusDays(5)));
        long vehicle = vehicleId(plate);

        String page = mvc.perform(filledForm("/applications/new", driver, "vehiclePlate", "", "vehicleType", "",
                        "vehicleId", String.valueOf(vehicle)).file(photo(PHOTO.jpeg())).param("action", "submit"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);

        assertThat(page).contains(plate + " 차량의 운행 허가가 " + today().plusDays(5) + "에 끝나 귀환일보다 이릅니다.");
        assertThat(applicationCount(driver)).isZero();
    }

    @Test
    void shouldRefuseSomeoneElsesVehicleOnATrip() throws Exception {
        AccountPrincipal owner = account(Role.CIVILIAN);
        AccountPrincipal other = account(Role.CIVILIAN);
        String plate = plate();
        mvc.perform(vehicleForm("/vehicles/new", owner, plate, null, today().plusYears(1)));

        String page = mvc.perform(filledForm("/applications/new", other, "vehiclePlate", "", "vehicleType", "",
                        "vehicleId", String.valueOf(vehicleId(plate))).file(photo(PHOTO.jpeg()))
                        .param("action", "submit"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);

        assertThat(page).contains("본인 또는 소속 기관의 차량 중에서 고르십시오.");
        assertThat(applicationCount(other)).isZero();
    }

    private String page(String url, AccountPrincipal user) throws Exception {
        return mvc.perform(get(url).with(signedIn(user))).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }

    private static String claims(String token) {
        return new String(Base64.getUrlDecoder().decode(token.split("\\.")[1]), StandardCharsets.UTF_8);
    }
}
