package kr.kaesongcrossing.checkpoint.goods;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.util.Locale;
import java.util.Optional;
import kr.kaesongcrossing.account.AccountPrincipal;
import kr.kaesongcrossing.checkpoint.log.CrossingLogRepository;
import org.springframework.context.MessageSource;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * {@code /checkpoint/scans/{scanId}/goods}: the tick-off of the declared goods after an accepted scan, for the
 * officer who sent it ({@link GateGoods#WINDOW}); anyone else, or later, gets a 404 page that says so. A refused
 * form is shown again with what was entered and the reason; once recorded, back to the station's answer.
 */
@Controller
class GoodsCheckController {

    private static final String VIEW = "checkpoint/goods-check";

    private final GateGoods gate;
    private final MessageSource messages;
    private final CrossingLogRepository log;

    GoodsCheckController(GateGoods gate, MessageSource messages, CrossingLogRepository log) {
        this.gate = gate;
        this.messages = messages;
        this.log = log;
    }

    @GetMapping("/checkpoint/scans/{scanId}/goods")
    String form(@PathVariable String scanId, @AuthenticationPrincipal AccountPrincipal officer, Model model,
            HttpServletResponse response) {
        Optional<GateGoods.Tick> tick = gate.tick(scanId, officer.id());
        if (tick.isEmpty()) {
            return unavailable(response);
        }
        return view(tick.get(), gate.form(tick.get()), model);
    }

    @PostMapping("/checkpoint/scans/{scanId}/goods")
    String record(@PathVariable String scanId, @Valid @ModelAttribute("form") GoodsCheckForm form,
            BindingResult result, @AuthenticationPrincipal AccountPrincipal officer, Model model,
            HttpServletResponse response, RedirectAttributes redirect, Locale locale) {
        Optional<GateGoods.Tick> tick = gate.tick(scanId, officer.id());
        if (tick.isEmpty()) {
            return unavailable(response);
        }
        if (result.hasErrors()) {
            model.addAttribute("problem", messages.getMessage("checkpoint.goods.refused.tooLong", null, locale));
            return view(tick.get(), form, model);
        }
        try {
            gate.record(scanId, Officer.of(officer), form);
        } catch (GoodsRefused refused) {
            model.addAttribute("problem", messages.getMessage(refused, locale));
            return view(tick.get(), form, model);
        } catch (DataIntegrityViolationException | ObjectOptimisticLockingFailureException e) {
            // another officer checked the same trip and direction at the same moment
            model.addAttribute("problem", messages.getMessage("checkpoint.goods.refused.concurrent", null, locale));
            return view(gate.tick(scanId, officer.id()).orElse(tick.get()), form, model);
        }
        redirect.addFlashAttribute("goodsMessage", "checkpoint.goods.recorded");
        // back to the lane the scan came from: a driver's scan belongs to its vehicle's answer at the vehicle lane
        String scan = tick.get().scan().scanId();
        return log.findFirstByDriverScanId(scan).map(vehicle -> "redirect:/checkpoint/vehicle?scan=" + vehicle.getScanId())
                .orElse("redirect:/checkpoint?scan=" + scan);
    }

    private static String view(GateGoods.Tick tick, GoodsCheckForm form, Model model) {
        model.addAttribute("tick", tick);
        model.addAttribute("form", form);
        return VIEW;
    }

    private static String unavailable(HttpServletResponse response) {
        response.setStatus(HttpServletResponse.SC_NOT_FOUND);
        return "checkpoint/goods-unavailable";
    }
}
