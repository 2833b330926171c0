package io.pushloss.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.OperatingSystemMXBean;
import java.util.Locale;

/**
 * The machine a run measured: cores, memory, JVM and the load average, which on a shared machine explains noisy
 * timings.
 */
record Machine(int cores, long memoryMb, String java, String vm, String os, double loadAverage) {

	static Machine describe() {
		OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
		long memory = (os instanceof com.sun.management.OperatingSystemMXBean sun) ? sun.getTotalMemorySize() : -1;
		return new Machine(Runtime.getRuntime().availableProcessors(), (memory > 0) ? memory >> 20 : -1,
				System.getProperty("java.version"),
				System.getProperty("java.vm.name") + " " + System.getProperty("java.vm.version"),
				os.getName() + " " + os.getVersion() + " " + os.getArch(), currentLoadAverage());
	}

	static double currentLoadAverage() {
		return Numbers.round(ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(), 2);
	}

	String summary() {
		return String.format(Locale.ROOT, "%d cores, %,d MB, Java %s (%s), load average %.2f", this.cores,
				this.memoryMb, this.java, this.vm, this.loadAverage);
	}

}
