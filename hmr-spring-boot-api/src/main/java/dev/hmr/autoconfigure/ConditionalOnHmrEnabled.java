package dev.hmr.autoconfigure;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.context.annotation.Conditional;

/**
 * Matches when hot module replacement is active: {@code hmr.enabled} when set, otherwise
 * only when the application runs from a build's classes (not from a packaged jar, not in
 * a native image, not under a test runner).
 *
 * @since 0.1.0
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ ElementType.TYPE, ElementType.METHOD })
@Documented
@Conditional(OnHmrEnabledCondition.class)
public @interface ConditionalOnHmrEnabled {

}
