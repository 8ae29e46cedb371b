package kr.kaesongcrossing.system;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.http.CacheControl;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.ResourceChainRegistration;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;
import org.springframework.web.servlet.resource.VersionResourceResolver;

/**
 * Korean by default, English on request; {@code ?lang=en|ko} switches and a cookie keeps the choice (only the
 * cookie: a signed-in person's switch is a POST that the account module stores in their account). Any other locale, from a cookie or
 * a parameter, counts as Korean.
 * <p>Static files are served from their folders' own URL prefixes, not Boot's catch-all {@code /**}
 * ({@code spring.web.resources.add-mappings=false}): under the catch-all every link a page builds
 * ({@code @{/review?page=2}}) was looked up as a file in four classpath folders of every jar, uncached on a miss.
 */
@Configuration
class WebConfig implements WebMvcConfigurer {

    static final List<Locale> SUPPORTED = List.of(Locale.KOREAN, Locale.ENGLISH);
    private static final List<String> STATIC_FOLDERS = List.of("krds", "css", "js", "img", "vendor", "audio");
    private static final List<String> VENDORED = List.of("vendor", "audio");

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    MessageSource messageSource() {
        ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
        messages.setBasename("messages");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
        messages.setDefaultLocale(Locale.KOREAN);
        return messages;
    }

    @Bean
    LocaleResolver localeResolver() {
        CookieLocaleResolver resolver = new CookieLocaleResolver("KCLANG") {
            @Override
            public Locale resolveLocale(HttpServletRequest request) {
                return supported(super.resolveLocale(request));
            }

            @Override
            public void setLocale(HttpServletRequest request, HttpServletResponse response, Locale locale) {
                super.setLocale(request, response, locale == null ? null : supported(locale));
            }
        };
        resolver.setDefaultLocale(Locale.KOREAN);
        resolver.setCookieMaxAge(Duration.ofDays(365));
        resolver.setCookieHttpOnly(true);
        resolver.setCookieSameSite("Lax");
        resolver.setRejectInvalidCookies(false); // a tampered cookie falls back to Korean instead of a 500
        return resolver;
    }

    static Locale supported(Locale requested) {
        if (requested != null) {
            for (Locale locale : SUPPORTED) {
                if (locale.getLanguage().equals(requested.getLanguage())) {
                    return locale;
                }
            }
        }
        return Locale.KOREAN;
    }

    /** Content-hashed URLs for our own files (vendored ones keep their names), cached by browsers for a week. */
    @Override
    public void addResourceHandlers(ResourceHandlerRegistry registry) {
        for (String folder : STATIC_FOLDERS) {
            ResourceChainRegistration chain = registry.addResourceHandler("/" + folder + "/**")
                    .addResourceLocations("classpath:/static/" + folder + "/")
                    .setCacheControl(CacheControl.maxAge(Duration.ofDays(7)))
                    .resourceChain(true);
            if (!VENDORED.contains(folder)) {
                chain.addResolver(new VersionResourceResolver().addContentVersionStrategy("/**"));
            }
        }
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        LocaleChangeInterceptor interceptor = new LocaleChangeInterceptor() {
            @Override
            protected Locale parseLocaleValue(String value) {
                return supported(super.parseLocaleValue(value));
            }
        };
        interceptor.setParamName("lang");
        interceptor.setIgnoreInvalidLocale(true);
        registry.addInterceptor(interceptor);
    }
}
