package kr.kaesongcrossing.application.manifest;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import kr.kaesongcrossing.application.model.GoodsLine;
import kr.kaesongcrossing.application.model.IdDocumentType;
import kr.kaesongcrossing.application.model.VehicleType;
import kr.kaesongcrossing.schedule.SlotKey;
import kr.kaesongcrossing.schedule.TravelDirection;
import kr.kaesongcrossing.system.PdfDocuments;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.springframework.context.support.ResourceBundleMessageSource;

/**
 * The manifest PDF of a full slot as the North's list was capped after December 2008: 250 travellers, 150 of them
 * with a vehicle, each with two goods lines (the target: under 2 s). Sample-time mode, so JMH reports the median
 * (p0.50) per PDF. Run: {@code ./mvnw -B -Pbench test-compile exec:exec -Djmh.args="ManifestBenchmarks"}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 5)
@Fork(1)
public class ManifestBenchmarks {

    static final int TRAVELLERS = 250;
    static final int VEHICLES = 150;

    private ManifestPdf pdf;
    private ManifestVersion version;

    @Setup
    public void setUp() {
        ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
        messages.setBasename("messages");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
        pdf = new ManifestPdf(new PdfDocuments(messages), messages);
        version = new ManifestVersion(3, Instant.now(), "김담당", fullSlot(), null, null, null);
    }

    @Benchmark
    public byte[] pdf250() {
        return pdf.render(version);
    }

    static Manifest fullSlot() {
        String[] family = {"김", "이", "박", "최", "정", "강", "조", "윤", "장", "임"};
        String[] given = {"민준", "서연", "지훈", "하은", "도윤", "수아", "예준", "지유", "시우", "서윤"};
        List<Manifest.Traveller> travellers = new ArrayList<>();
        for (int i = 0; i < TRAVELLERS; i++) {
            String name = family[i % 10] + given[(i / 10) % 10] + (i >= 100 ? given[i % 7] : "");
            boolean driver = i < VEHICLES;
            travellers.add(new Manifest.Traveller(String.format("KC-2026-%06d", 1000 + i), name,
                    "TRAVELLER " + i, LocalDate.of(1960 + i % 40, 1 + i % 12, 1 + i % 28), "개성공단 입주기업 " + (i % 25),
                    IdDocumentType.values()[i % 3], i % 50 == 0 ? "설비 고장으로 긴급 투입" : null,
                    driver ? String.format("%02d가%04d", i % 100, i) : null, driver ? VehicleType.TRUCK : null,
                    List.of(new GoodsLine("공구 세트", 2, 300_000), new GoodsLine("원자재 시료 " + (i % 30), 5, 50_000))));
        }
        return new Manifest(new SlotKey(TravelDirection.NORTHBOUND, LocalDate.of(2026, 12, 3), LocalTime.of(8, 30)),
                travellers);
    }
}
