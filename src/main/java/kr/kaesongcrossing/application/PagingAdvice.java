package kr.kaesongcrossing.application;

import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** Gives this module's list pages the current query string without "page", for the page links. */
@ControllerAdvice(assignableTypes = {ApplicationController.class, ReviewController.class, ConsentController.class})
class PagingAdvice {

    @ModelAttribute("pageQuery")
    String pageQuery() {
        String query = ServletUriComponentsBuilder.fromCurrentRequest().replaceQueryParam("page").build().getQuery();
        return query == null ? "" : query;
    }
}
