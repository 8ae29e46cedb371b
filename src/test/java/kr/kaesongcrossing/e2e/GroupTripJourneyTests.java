package kr.kaesongcrossing.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import kr.kaesongcrossing.account.AccountPrincipal;
import kr.kaesongcrossing.account.Role;
import kr.kaesongcrossing.account.TestAccounts;
import kr.kaesongcrossing.application.model.DemoApplications;
import kr.kaesongcrossing.application.model.IdDocumentType;
import kr.kaesongcrossing.application.profile.ProfileDetails;
import kr.kaesongcrossing.application.profile.Profiles;
import kr.kaesongcrossing.schedule.Slot;
import kr.kaesongcrossing.schedule.Slots;
import kr.kaesongcrossing.schedule.TravelDirection;
import kr.kaesongcrossing.system.OfficeTime;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;

/**
 * A group trip, in Korean: the company's coordinator files a group of five from the saved profiles, one of them
 * returning a day earlier; an officer finds the group in the queue as one item, approves four and asks the fifth for
 * information; the four get passes (the counterpart's consent is off here, so approval means approved for travel).
 */
@BrowserTest
@TestPropertySource(properties = "kc.applications.consent-required=false")
class GroupTripJourneyTests {

    @Autowired
    TestAccounts accounts;
    @Autowired
    MessageSource messages;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    Profiles profiles;
    @Autowired
    Slots slots;

    @Test
    @JourneyName("group-trip-ko")
    void shouldFileAGroupOfFiveAndApproveFourAndQueryOne(Journey journey) {
        Texts ko = Texts.korean(messages);
        long org = organisation();
        AccountPrincipal coordinator = accounts.create(Role.CIVILIAN, "ko", "김담당");
        jdbc.update("INSERT INTO organisation_member (organisation_id, account_id, role, joined_at) "
                + "VALUES (?, ?, 'COORDINATOR', ?)", org, coordinator.id(), Timestamp.from(Instant.now()));
        List<String> names = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            String name = hangulName();
            names.add(name);
            profiles.saveKept(coordinator, org, null, null, new ProfileDetails(name, "TRAVELLER " + i,
                    LocalDate.of(1980 + i, 1, 2), "KOR", IdDocumentType.PASSPORT, "M1234567" + i, "010-7777-000" + i),
                    DemoApplications.demoPhoto());
        }
        LocalDate entry = dateWithSlots();
        Slot north = slots.on(entry, TravelDirection.NORTHBOUND).get(0);
        Slot south = slots.on(entry.plusDays(2), TravelDirection.SOUTHBOUND).get(0);
        Slot earlier = slots.on(entry.plusDays(1), TravelDirection.SOUTHBOUND).get(0);

        Browser coord = journey.browser("coordinator", Viewport.DESKTOP);
        coord.login(coordinator.email(), TestAccounts.PASSWORD);
        coord.clickText(ko.get("menu.profile"));
        coord.waitForPath("/profile");
        coord.click(By.cssSelector("a[href='/profile/organisations/" + org + "']"));
        coord.waitForPath("/profile/organisations/" + org);
        assertThat(coord.pageText()).contains(names.toArray(String[]::new));
        coord.snap("organisation-profiles");
        coord.clickText(ko.get("group.new.link"));
        coord.waitForPath("/groups/new");

        coord.select("purpose", "ECONOMIC_COOPERATION").type("purposeDetail", "개성지사 설비 정기 점검")
                .typeDate("entryDate", entry).typeDate("returnDate", entry.plusDays(2));
        coord.clickText(ko.get("group.form.showSlots"));
        coord.waitUntil(b -> b.has(By.cssSelector("#northboundSlot option[value='" + north.key() + "']")),
                "northbound slots shown");
        coord.select("northboundSlot", north.key().toString()).select("southboundSlot", south.key().toString());
        for (int i = 0; i < 5; i++) {
            coord.click(By.cssSelector("label[for='include-" + i + "']"));
        }
        // the second traveller (by the list's order) returns a day earlier
        coord.select("earlier-1", earlier.key().toString());
        coord.snap("group-form");
        coord.clickText(ko.get("group.form.submit"));
        coord.waitForText(ko.get("group.filed"));
        Matcher m = Pattern.compile("KG-\\d{4}-\\d+").matcher(coord.pageText());
        assertThat(m.find()).isTrue();
        String group = m.group();
        coord.snap("group-filed");
        List<Long> members = jdbc.queryForList("SELECT a.id FROM travel_application a JOIN trip_group g "
                + "ON g.id = a.group_id WHERE g.reference = ? ORDER BY a.name_korean, a.id", Long.class, group);
        assertThat(members).hasSize(5);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM travel_application WHERE id IN (?, ?, ?, ?, ?) "
                + "AND return_date = ?", Long.class, members.get(0), members.get(1), members.get(2), members.get(3),
                members.get(4), entry.plusDays(1))).isOne();

        AccountPrincipal officerAccount = accounts.create(Role.OFFICER);
        Browser officer = journey.browser("officer", Viewport.DESKTOP);
        officer.login(officerAccount.email(), TestAccounts.PASSWORD);
        officer.clickText(ko.get("menu.review"));
        officer.waitForPath("/review");
        officer.type("q", group);
        officer.clickText(ko.get("application.queue.filter"));
        officer.click(By.linkText(ko.get("group.queue.item", group, 5)));
        officer.waitForPath("/review/groups/");
        officer.snap("review-group");
        long queried = members.get(4);
        for (int i = 0; i < 4; i++) {
            officer.select("decision-" + members.get(i), "APPROVE");
        }
        officer.select("decision-" + queried, "REQUEST_INFORMATION");
        officer.type("reason-" + queried, "여권 사본이 흐립니다. 다시 올려 주세요.");
        officer.clickText(ko.get("group.review.submit"));
        officer.waitForText(ko.get("group.review.done", 4, 0, 1));
        officer.snap("review-group-decided");

        coord.clickText(ko.get("menu.passes"));
        coord.waitForPath("/passes");
        String passes = coord.pageText();
        List<String> references = jdbc.queryForList("SELECT reference FROM travel_application WHERE group_id = "
                + "(SELECT id FROM trip_group WHERE reference = ?) ORDER BY name_korean, id", String.class, group);
        for (int i = 0; i < 4; i++) {
            assertThat(passes).contains(references.get(i));
        }
        assertThat(passes).doesNotContain(references.get(4));
        coord.snap("passes");
    }

    /** A date ahead with northbound slots, and southbound ones the next two days. */
    private LocalDate dateWithSlots() {
        LocalDate date = OfficeTime.today(java.time.Clock.systemUTC()).plusDays(
                20 + ThreadLocalRandom.current().nextInt(100));
        while (slots.on(date, TravelDirection.NORTHBOUND).isEmpty()
                || slots.on(date.plusDays(1), TravelDirection.SOUTHBOUND).isEmpty()
                || slots.on(date.plusDays(2), TravelDirection.SOUTHBOUND).isEmpty()) {
            date = date.plusDays(1);
        }
        return date;
    }

    private String hangulName() {
        StringBuilder name = new StringBuilder("단");
        for (int i = 0; i < 3; i++) {
            name.append((char) (0xAC00 + ThreadLocalRandom.current().nextInt(11172)));
        }
        return name.toString();
    }

    private long organisation() {
        String number = UUID.randomUUID().toString().substring(0, 20);
        jdbc.update("INSERT INTO organisation (name_ko, name_en, type, registration_number, created_at) "
                + "VALUES ('개성 설비', 'Kaesong Facilities', 'COMPANY', ?, ?)", number, Timestamp.from(Instant.now()));
        return jdbc.queryForObject("SELECT id FROM organisation WHERE registration_number = ?", Long.class, number);
    }
}
