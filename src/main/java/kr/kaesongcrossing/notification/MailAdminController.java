package kr.kaesongcrossing.notification;

import org.springframework.data.domain.PageRequest;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/** {@code /admin/mail}: every message sent (or logged) to applicants, newest first. ADMIN only. */
@Controller
class MailAdminController {

    private static final int PAGE_SIZE = 20;

    private final OutboundMailRepository mails;

    MailAdminController(OutboundMailRepository mails) {
        this.mails = mails;
    }

    @GetMapping("/admin/mail")
    String list(@RequestParam(defaultValue = "1") int page, Model model) {
        model.addAttribute("page", mails.findAllByOrderByCreatedAtDescIdDesc(PageRequest.of(Math.max(0, page - 1),
                PAGE_SIZE)));
        return "notification/mail-list";
    }

    @GetMapping("/admin/mail/{id}")
    String show(@PathVariable long id, Model model) {
        model.addAttribute("mail", mails.findById(id)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND)));
        return "notification/mail-detail";
    }
}
