package kr.kaesongcrossing.checkpoint.route;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.thymeleaf.context.LazyContextVariable;

/**
 * Gives every page the route's outlook as {@code route}, for the staff banner in the layout and the notices on an
 * applicant's trips. Lazy: the one query runs only when a page shows it, not for redirects, API answers or pages
 * that do not ask.
 */
@ControllerAdvice
class RouteModelAdvice {

    private static final Logger log = LoggerFactory.getLogger(RouteModelAdvice.class);

    private final RouteModes routes;

    RouteModelAdvice(RouteModes routes) {
        this.routes = routes;
    }

    @ModelAttribute("route")
    LazyContextVariable<RouteOutlook> route() {
        return new LazyContextVariable<>() {
            @Override
            protected RouteOutlook loadValue() {
                try {
                    return routes.outlook();
                } catch (DataAccessException e) {
                    // the database error page itself uses the layout: show it without the banner
                    log.debug("Route outlook not available: {}", e.getMessage());
                    return null;
                }
            }
        };
    }
}
