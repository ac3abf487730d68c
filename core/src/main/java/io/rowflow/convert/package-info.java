/**
 * The converter SPI: how Java property types become driver values and back.
 */
@NullMarked
package io.rowflow.convert;

import org.jspecify.annotations.NullMarked;
