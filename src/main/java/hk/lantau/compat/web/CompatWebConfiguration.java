package hk.lantau.compat.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** Lets compat handlers take a {@link DingTalkRequest}. */
@Configuration(proxyBeanMethods = false)
class CompatWebConfiguration implements WebMvcConfigurer {

    private final ObjectMapper json;

    CompatWebConfiguration(ObjectMapper json) {
        this.json = json;
    }

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(new DingTalkRequestResolver(json));
    }
}
