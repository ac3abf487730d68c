/**
 * The converter SPI: how Java property types become driver values and back, and
 * {@link io.rowflow.convert.Json}, the type of JSON documents.
 */
@NullMarked
package io.rowflow.convert;

import org.jspecify.annotations.NullMarked;
