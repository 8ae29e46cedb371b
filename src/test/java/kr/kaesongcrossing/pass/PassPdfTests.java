package kr.kaesongcrossing.pass;

import static org.assertj.core.api.Assertions.assertThat;
import static kr.kaesongcrossing.account.SignedIn.signedIn;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.awt.image.BufferedImage;
import java.time.LocalDate;
import kr.kaesongcrossing.QrScan;
import kr.kaesongcrossing.account.AccountPrincipal;
import kr.kaesongcrossing.account.Role;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

class PassPdfTests extends PassTestSupport {

    @Test
    void shouldPrintHangulAndAQrThatDecodesToTheSameToken() throws Exception {
        AccountPrincipal holder = fixtures.account(Role.CIVILIAN);
        LocalDate entry = LocalDate.of(2031, 4, 2);
        String passId = fixtures.approve(fixtures.trip(holder, entry, entry.plusDays(1), "박지훈", "PARK JIHOON"));

        byte[] pdf = mvc.perform(get("/passes/{id}/pdf", passId).with(signedIn(holder)))
                .andExpect(status().isOk()).andExpect(content().contentType(MediaType.APPLICATION_PDF))
                .andExpect(header().string("Content-Disposition", org.hamcrest.Matchers.startsWith("inline")))
                .andReturn().getResponse().getContentAsByteArray();

        try (PDDocument document = Loader.loadPDF(pdf)) {
            assertThat(document.getNumberOfPages()).isEqualTo(1);
            String text = new PDFTextStripper().getText(document);
            assertThat(text).contains("박지훈", "PARK JIHOON", "출입증", passId, "2031-04-02 00:00", "2031-04-03 23:59");
            for (var name : document.getPage(0).getResources().getFontNames()) {
                PDFont font = document.getPage(0).getResources().getFont(name);
                assertThat(font.getName()).contains("Pretendard");
                assertThat(font.isEmbedded()).isTrue();
            }
            BufferedImage page = new PDFRenderer(document).renderImageWithDPI(0, 200, ImageType.GRAY);
            assertThat(QrScan.read(page)).isEqualTo(fixtures.token(passId));
        }
    }

    @Test
    void shouldPrintTheStatusInsteadOfAQrForARevokedPass() throws Exception {
        AccountPrincipal holder = fixtures.account(Role.CIVILIAN);
        AccountPrincipal officer = fixtures.account(Role.OFFICER);
        String passId = fixtures.approve(fixtures.trip(holder));
        jdbc.update("update pass set revoked_at = current_timestamp, revocation_cause = 'OFFICER', "
                + "revocation_reason = 'test', revoked_by = ?, current_for_application = null where pass_id = ?",
                officer.id(), passId);

        byte[] pdf = mvc.perform(get("/passes/{id}/pdf", passId).with(signedIn(holder)).param("lang", "en"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();

        try (PDDocument document = Loader.loadPDF(pdf)) {
            assertThat(new PDFTextStripper().getText(document)).contains("Revoked", "김민준");
            assertThat(document.getPage(0).getResources().getXObjectNames()).hasSize(1);
        }
    }
}
