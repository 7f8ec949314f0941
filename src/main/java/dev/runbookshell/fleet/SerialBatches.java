package dev.runbookshell.fleet;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code --serial} as Ansible's {@code serial:} reads it: a list of batch sizes, each a count or a percentage of
 * all hosts (rounded down, at least one); the last size repeats until every host has a batch. Without it, all
 * hosts are one batch.
 *
 * @param spec the sizes as given, or null
 */
public record SerialBatches(String spec) {

	public static final SerialBatches ALL_AT_ONCE = new SerialBatches(null);

	/** @throws FleetException for a size that is no positive count or percentage */
	public static SerialBatches parse(String spec) {
		if (spec == null || spec.isBlank()) {
			return ALL_AT_ONCE;
		}
		SerialBatches batches = new SerialBatches(spec.trim());
		batches.sizes(100);
		return batches;
	}

	/** The hosts split into batches, in order. */
	public <T> List<List<T>> split(List<T> hosts) {
		List<List<T>> batches = new ArrayList<>();
		List<Integer> sizes = sizes(hosts.size());
		int from = 0;
		for (int i = 0; from < hosts.size(); i++) {
			int size = sizes.get(Math.min(i, sizes.size() - 1));
			int to = Math.min(hosts.size(), from + size);
			batches.add(List.copyOf(hosts.subList(from, to)));
			from = to;
		}
		return batches;
	}

	private List<Integer> sizes(int hosts) {
		if (this.spec == null) {
			return List.of(Math.max(1, hosts));
		}
		List<Integer> sizes = new ArrayList<>();
		for (String part : this.spec.split(",")) {
			String size = part.trim();
			try {
				int value;
				if (size.endsWith("%")) {
					int percent = Integer.parseInt(size.substring(0, size.length() - 1).trim());
					if (percent <= 0 || percent > 100) {
						throw new NumberFormatException();
					}
					value = Math.max(1, hosts * percent / 100);
				}
				else {
					value = Integer.parseInt(size);
				}
				if (value <= 0) {
					throw new NumberFormatException();
				}
				sizes.add(value);
			}
			catch (NumberFormatException ex) {
				throw new FleetException("--serial " + this.spec + ": '" + size + "' is not a batch size "
						+ "(a count like 1 or a percentage like 25%)");
			}
		}
		return sizes;
	}

}
