/**
 * JMH benchmarks, run by hand (see each class for the command).
 */
@NullMarked
package dev.hmr.benchmarks;

import org.jspecify.annotations.NullMarked;
