package dev.hmr.autoconfigure;

import org.springframework.boot.autoconfigure.condition.ConditionMessage;
import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * The condition of {@link ConditionalOnHmrEnabled}.
 */
class OnHmrEnabledCondition extends SpringBootCondition {

	@Override
	public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
		HmrEnablement enablement = HmrEnablement.deduce(context.getEnvironment());
		ConditionMessage message = ConditionMessage.forCondition(ConditionalOnHmrEnabled.class)
			.because(enablement.reason());
		return new ConditionOutcome(enablement.active(), message);
	}

}
