/**
 * Implementation of Rowflow's test support; not API, may change in any release.
 */
@NullMarked
package io.rowflow.test.internal;

import org.jspecify.annotations.NullMarked;
