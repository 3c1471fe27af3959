/**
 * A Spring MVC application that shows every feature of hmr-spring-boot through its public
 * API only: {@code hmr.*} properties, an injected ServerHotChannel, the HMR application
 * events and an HmrPlugin bean.
 */
@NullMarked
package dev.hmr.sample;

import org.jspecify.annotations.NullMarked;
