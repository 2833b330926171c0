/**
 * Job files ({@code jobs/*.yml}): loading and field-by-field validation into {@link io.pushloss.jobdef.JobDefinition}, and the registry of the definitions a process runs.
 * <p>
 * Uses: {@code domain}.
 */
package io.pushloss.jobdef;
