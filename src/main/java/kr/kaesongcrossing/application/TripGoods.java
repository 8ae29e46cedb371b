package kr.kaesongcrossing.application;

import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The goods declared on a trip, for the checkpoint's tick-off. A group's goods are held on its first traveller's
 * application (who carries them), so the other members' applications have none.
 */
@Service
public class TripGoods {

    private final JdbcTemplate jdbc;

    TripGoods(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The application's goods lines in their order (none for an unknown id). */
    @Transactional(readOnly = true, propagation = Propagation.SUPPORTS)
    public List<DeclaredGoodsLine> declared(long applicationId) {
        return jdbc.query("SELECT l.line_no, l.description, l.quantity, l.category_code, c.name_ko, c.name_en, "
                + "l.permit_number, l.comes_back FROM application_goods_line l "
                + "LEFT JOIN goods_category c ON c.code = l.category_code WHERE l.application_id = ? ORDER BY l.line_no",
                (rs, n) -> new DeclaredGoodsLine(rs.getInt(1), rs.getString(2), rs.getInt(3), rs.getString(4),
                        rs.getString(5), rs.getString(6), rs.getString(7), rs.getBoolean(8)), applicationId);
    }
}
