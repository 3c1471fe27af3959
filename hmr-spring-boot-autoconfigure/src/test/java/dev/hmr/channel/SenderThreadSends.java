package dev.hmr.channel;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * Makes the application's channel write payloads on a sender thread, as it does where
 * the container cannot send without blocking.
 */
@TestConfiguration(proxyBeanMethods = false)
class SenderThreadSends {

	@Bean
	static BeanPostProcessor senderThreadSends() {
		return new BeanPostProcessor() {

			@Override
			public Object postProcessBeforeInitialization(Object bean, String beanName) {
				if (bean instanceof WebSocketServerHotChannel channel) {
					channel.setAsyncSends(false);
				}
				return bean;
			}

		};
	}

}
