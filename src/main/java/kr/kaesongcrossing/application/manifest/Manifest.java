package kr.kaesongcrossing.application.manifest;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import kr.kaesongcrossing.application.model.GoodsLine;
import kr.kaesongcrossing.application.model.IdDocumentType;
import kr.kaesongcrossing.application.model.VehicleType;
import kr.kaesongcrossing.schedule.SlotKey;

/**
 * A slot's list for the North: who crosses (never the ID number: the North is told the document type only), their
 * vehicles and the goods they declared. Its canonical text ({@link #toText()}) is what a version stores and compares:
 * two lists are the same version exactly when their texts are equal.
 */
public record Manifest(SlotKey slot, List<Traveller> travellers) {

    private static final Comparator<Traveller> ORDER = Comparator.comparing(Traveller::nameKorean)
            .thenComparing(Traveller::reference);

    /** One traveller of the list; {@code lateReason} when an officer added the trip after the list closed. */
    public record Traveller(String reference, String nameKorean, String nameLatin, LocalDate dateOfBirth,
            String organisation, IdDocumentType idDocumentType, String lateReason, String vehiclePlate,
            VehicleType vehicleType, List<GoodsLine> goods) {

        public Traveller {
            nameKorean = nameKorean == null ? "" : nameKorean;
            goods = List.copyOf(goods);
        }

        public boolean late() {
            return lateReason != null;
        }
    }

    /** A vehicle on the list: its traveller drives it. */
    public record Vehicle(String plate, VehicleType type, String driverKorean, String driverLatin) {
    }

    /** The declared goods of one description over the whole list. */
    public record GoodsTotal(String description, long quantity, long valueKrw, int travellers) {
    }

    public Manifest {
        travellers = travellers.stream().sorted(ORDER).toList();
    }

    /**
     * The list past its retention period: the same travellers (by reference, organisation and document type), their
     * vehicles' types and goods, so its counts stay; no names, birth dates, plates or officers' late reasons.
     */
    public Manifest anonymised() {
        return new Manifest(slot, travellers.stream().map(t -> new Traveller(t.reference(), null, null, null,
                t.organisation(), t.idDocumentType(), null, null, t.vehicleType(), t.goods())).toList());
    }

    public List<Vehicle> vehicles() {
        // an anonymised list keeps the vehicle's type without its plate
        return travellers.stream().filter(t -> t.vehiclePlate() != null || t.vehicleType() != null)
                .map(t -> new Vehicle(t.vehiclePlate(), t.vehicleType(), t.nameKorean(), t.nameLatin())).toList();
    }

    /** The goods by description (as written, ignoring case and outer spaces), in order of description. */
    public List<GoodsTotal> goodsSummary() {
        Map<String, List<Map.Entry<Traveller, GoodsLine>>> byDescription = new LinkedHashMap<>();
        travellers.forEach(t -> t.goods().forEach(line -> byDescription
                .computeIfAbsent(line.description().strip().toLowerCase(java.util.Locale.ROOT), k -> new ArrayList<>())
                .add(Map.entry(t, line))));
        return byDescription.values().stream()
                .map(lines -> new GoodsTotal(lines.get(0).getValue().description().strip(),
                        lines.stream().mapToLong(e -> e.getValue().quantity()).sum(),
                        lines.stream().mapToLong(e -> e.getValue().valueKrw()).sum(),
                        (int) lines.stream().map(Map.Entry::getKey).distinct().count()))
                .sorted(Comparator.comparing(GoodsTotal::description))
                .toList();
    }

    public Set<String> references() {
        return travellers.stream().map(Traveller::reference).collect(Collectors.toSet());
    }

    /**
     * One line per traveller ({@code T}) and per goods line ({@code G}), tab-separated, in the list's order; a tab,
     * line break or backslash inside a value is escaped, an absent value is empty.
     */
    public String toText() {
        StringBuilder text = new StringBuilder();
        for (Traveller t : travellers) {
            line(text, "T", t.reference(), t.nameKorean(), t.nameLatin(), t.dateOfBirth(), t.organisation(),
                    t.idDocumentType(), t.lateReason(), t.vehiclePlate(), t.vehicleType());
            for (GoodsLine g : t.goods()) {
                line(text, "G", t.reference(), g.description(), g.quantity(), g.valueKrw());
            }
        }
        return text.toString();
    }

    /** The list a version stored (see {@link #toText()}). */
    public static Manifest parse(SlotKey slot, String text) {
        List<Traveller> travellers = new ArrayList<>();
        Map<String, List<GoodsLine>> goods = new LinkedHashMap<>();
        for (String line : text.split("\n")) {
            if (line.isEmpty()) {
                continue;
            }
            String[] f = line.split("\t", -1);
            for (int i = 0; i < f.length; i++) {
                f[i] = unescape(f[i]);
            }
            if (f[0].equals("T")) {
                List<GoodsLine> own = new ArrayList<>();
                goods.put(f[1], own);
                travellers.add(new Traveller(f[1], f[2], orNull(f[3]), f[4].isEmpty() ? null : LocalDate.parse(f[4]),
                        orNull(f[5]), f[6].isEmpty() ? null : IdDocumentType.valueOf(f[6]), orNull(f[7]),
                        orNull(f[8]), f[9].isEmpty() ? null : VehicleType.valueOf(f[9]), own));
            } else {
                goods.get(f[1]).add(new GoodsLine(f[2], Integer.parseInt(f[3]), Long.parseLong(f[4])));
            }
        }
        // the travellers were made with their (then empty) goods lists, which the G lines filled
        return new Manifest(slot, travellers.stream().map(t -> new Traveller(t.reference(), t.nameKorean(),
                t.nameLatin(), t.dateOfBirth(), t.organisation(), t.idDocumentType(), t.lateReason(),
                t.vehiclePlate(), t.vehicleType(), goods.get(t.reference()))).toList());
    }

    private static void line(StringBuilder text, String kind, Object... values) {
        text.append(kind);
        for (Object value : values) {
            text.append('\t').append(value == null ? "" : escape(value.toString()));
        }
        text.append('\n');
    }

    private static String escape(String value) {
        return value.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r");
    }

    private static String unescape(String value) {
        if (value.indexOf('\\') < 0) {
            return value;
        }
        StringBuilder out = new StringBuilder(value.length());
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\\' && i + 1 < value.length()) {
                char next = value.charAt(++i);
                out.append(next == 't' ? '\t' : next == 'n' ? '\n' : next == 'r' ? '\r' : next);
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static String orNull(String value) {
        return value.isEmpty() ? null : value;
    }
}
