package kr.kaesongcrossing.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import kr.kaesongcrossing.account.AccountPrincipal;
import kr.kaesongcrossing.account.Role;
import kr.kaesongcrossing.account.TestAccounts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;

/**
 * Goods under sanctions: an application carrying a two-way radio is blocked with the reason; with the radio replaced
 * by rice under an export permit it goes in, and the officer, told to check the permit, approves it.
 */
@BrowserTest
class GoodsJourneyTests {

    @Autowired
    TestAccounts accounts;

    @Autowired
    MessageSource messages;

    @Test
    @JourneyName("goods-sanctions")
    void shouldBlockAProhibitedItemAndLetAnOfficerApproveAPermitItem(Journey journey, @TempDir Path temp) {
        Texts ko = Texts.korean(messages);
        LocalDate entry = TravelSteps.todayInSeoul();
        LocalDate returning = entry.plusDays(2);

        Browser civilian = journey.browser("civilian", Viewport.DESKTOP);
        TravelSteps.registerAndLogIn(civilian, ko, "정하늘");
        civilian.clickText(ko.get("menu.applications.new"));
        civilian.waitForPath("/applications/new");
        TravelSteps.fillApplication(civilian, TravelSteps.traveller("정하늘", "JEONG HANEUL"), entry, returning);
        TravelSteps.pickSlots(civilian, entry, returning);
        civilian.upload(By.id("photo"), Pictures.travellerPhotoPng(temp));
        civilian.type("goods0.description", "휴대용 무전기").type("goods0.quantity", "2").type("goods0.valueKrw", "400000");
        // the search box narrows the choices, in English as well as in Korean
        civilian.type("goods-category-search", "radio");
        WebElement radio = civilian.find(By.cssSelector("#goods0\\.categoryCode option[value='KC-RADIO']"));
        WebElement rice = civilian.find(By.cssSelector("#goods0\\.categoryCode option[value='HS10']"));
        assertThat(radio.getAttribute("hidden")).isNull();
        assertThat(rice.getAttribute("hidden")).isNotNull();
        civilian.select("goods0.categoryCode", "KC-RADIO").select("goods0.comesBack", "true");
        civilian.clickText(ko.get("application.form.submit"));
        civilian.waitForText(ko.get("application.form.errors"));
        assertThat(civilian.pageText()).contains(ko.get("application.error.goods.prohibited",
                "KC office rule (사무소 규정): radio transmitters"));
        civilian.snap("goods-prohibited-blocked");

        civilian.type("goods0.description", "쌀 20kg").type("goods0.valueKrw", "120000");
        civilian.type("goods-category-search", "");
        civilian.select("goods0.categoryCode", "HS10").select("goods0.comesBack", "false");
        civilian.clickText(ko.get("application.form.submit"));
        civilian.waitForText(ko.get("application.error.goods.permitRequired"));
        civilian.type("goods0.permitNumber", "MOU-2026-0417");
        civilian.upload(By.id("photo"), Pictures.travellerPhotoPng(temp));
        civilian.clickText(ko.get("application.form.submit"));
        civilian.waitForText(ko.get("application.notice.submitted"));
        String reference = TravelSteps.referenceOnPage(civilian);

        AccountPrincipal officerAccount = accounts.create(Role.OFFICER);
        Browser officer = journey.browser("officer", Viewport.DESKTOP);
        officer.login(officerAccount.email(), TestAccounts.PASSWORD);
        TravelSteps.officerOpens(officer, ko, reference);
        assertThat(officer.pageText()).contains(ko.get("application.detail.goodsPermitNotice"), "MOU-2026-0417",
                ko.get("application.form.goods.status.PERMIT_REQUIRED"));
        officer.snap("goods-permit-review");
        officer.clickText(ko.get("application.review.approve"));
        officer.waitForText(ko.get("application.review.done", ko.get("application.status.AWAITING_CONSENT")));
    }
}
