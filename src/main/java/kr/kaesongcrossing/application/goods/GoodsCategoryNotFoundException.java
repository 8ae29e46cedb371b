package kr.kaesongcrossing.application.goods;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/** No goods category with that id. */
@ResponseStatus(HttpStatus.NOT_FOUND)
class GoodsCategoryNotFoundException extends RuntimeException {

    GoodsCategoryNotFoundException() {
        super("goods category not found");
    }
}
