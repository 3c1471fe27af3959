/**
 * JMH benchmarks of the starter's hot paths, run by hand.
 */
@NullMarked
package dev.hmr.benchmarks;

import org.jspecify.annotations.NullMarked;
