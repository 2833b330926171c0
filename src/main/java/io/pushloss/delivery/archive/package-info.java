/**
 * The archive of each week's documents with a SHA256SUMS manifest, revisions never overwritten.
 * <p>
 * A named interface of its module: the job's steps use it.
 */
@NamedInterface("archive")
package io.pushloss.delivery.archive;

import org.springframework.modulith.NamedInterface;
