package io.pushloss.scheduling;

import org.springframework.boot.actuate.autoconfigure.web.ManagementContextConfiguration;
import org.springframework.boot.actuate.autoconfigure.web.ManagementContextType;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.core.Ordered;

/**
 * The actuator's own web server (the management port, a child context of its own since the console took
 * {@code server.port}) answers loopback host names only, as the console does: filters of the main context do not
 * reach it.
 */
@ManagementContextConfiguration(value = ManagementContextType.CHILD, proxyBeanMethods = false)
@Conditional(ManagementLoopbackConfiguration.ChildContext.class)
class ManagementLoopbackConfiguration {

	/**
	 * Only in the management child context: component scanning also finds this class in the main context, whose
	 * own filter there already answers the console's allowed names.
	 */
	static final class ChildContext implements Condition {

		@Override
		public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
			return context.getBeanFactory() != null && context.getBeanFactory().getParentBeanFactory() != null;
		}

	}

	@Bean
	FilterRegistrationBean<LoopbackHostFilter> managementLoopbackHostFilter() {
		FilterRegistrationBean<LoopbackHostFilter> registration = new FilterRegistrationBean<>(new LoopbackHostFilter());
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
		return registration;
	}

}
