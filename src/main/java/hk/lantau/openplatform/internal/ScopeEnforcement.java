package hk.lantau.openplatform.internal;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** Puts the scope check in front of every handler. */
@Configuration(proxyBeanMethods = false)
class ScopeEnforcement implements WebMvcConfigurer {

    private final ScopeInterceptor interceptor;

    ScopeEnforcement(ScopeInterceptor interceptor) {
        this.interceptor = interceptor;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(interceptor);
    }
}
