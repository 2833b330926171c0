package io.pushloss.jobdef;


import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.stereotype.Component;

/**
 * The job definitions this process knows, by name. Whoever launches a run (the CLI, the scheduler,
 * the job's runner) registers the definition it loaded; the job's steps look it up by the {@code job}
 * parameter.
 */
@Component
public class JobDefinitionRegistry {

	private final Map<String, JobDefinition> definitions = new ConcurrentHashMap<>();

	/** Adds or replaces a definition (a job file may have been edited since the last run). */
	public void register(JobDefinition job) {
		this.definitions.put(job.name(), Objects.requireNonNull(job, "job"));
	}

	/**
	 * Returns a registered definition.
	 * @throws IllegalStateException when no definition of that name was registered
	 */
	public JobDefinition get(String name) {
		JobDefinition job = this.definitions.get(name);
		if (job == null) {
			throw new IllegalStateException("Job '" + name + "' is not loaded: no jobs/" + name
					+ ".yml was registered in this process");
		}
		return job;
	}

}
