/**
 * Support shared by the integration tests.
 */
@NullMarked
package dev.hmr.testsupport;

import org.jspecify.annotations.NullMarked;
