package dev.runbookshell.targets;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Run in a child JVM with a small heap: opens a target, runs one block printing {@code bytes} bytes, counts what
 * arrives, and prints {@code bytes=N outcome=O peakHeapMiB=M}. Arguments: bytes, URI, then option=value pairs.
 */
public final class OutputVolumeProbe {

	private OutputVolumeProbe() {
	}

	public static void main(String[] args) throws Exception {
		long bytes = Long.parseLong(args[0]);
		Map<String, String> options = new HashMap<>();
		for (int i = 2; i < args.length; i++) {
			options.put(args[i].substring(0, args[i].indexOf('=')), args[i].substring(args[i].indexOf('=') + 1));
		}
		AtomicLong received = new AtomicLong();
		OutputSink counting = new OutputSink() {
			@Override
			public void stdout(byte[] buffer, int offset, int length) {
				received.addAndGet(length);
			}

			@Override
			public void stderr(byte[] buffer, int offset, int length) {
			}
		};
		Target target = new TargetFactory().create(new TargetDefinition("probe", args[1], options));
		try (TargetSession session = target.open(TargetPrompts.refusing())) {
			ExecResult result = session.execute(ExecRequest.of("volume", "head -c " + bytes + " /dev/zero"), counting);
			System.out.println("bytes=" + received.get() + " outcome=" + result.outcome() + " peakHeapMiB="
					+ peakHeapBytes() / (1024 * 1024));
		}
	}

	/** The sum of the heap pools' peaks: an upper bound of the heap ever in use. */
	static long peakHeapBytes() {
		long peak = 0;
		for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
			if (pool.getType() == MemoryType.HEAP) {
				peak += pool.getPeakUsage().getUsed();
			}
		}
		return peak;
	}

}
