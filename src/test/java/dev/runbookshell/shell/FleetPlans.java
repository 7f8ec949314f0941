package dev.runbookshell.shell;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Runbooks for fleet tests on {@code local} targets h1..hN, each starting in its own folder of the test's temp
 * dir (the folder's name is the host's name in the blocks), and what the runs left behind.
 */
final class FleetPlans {

	static final Duration TIMEOUT = Duration.ofSeconds(120);

	static final ObjectMapper JSON = new ObjectMapper();

	private final Path dir;

	FleetPlans(Path dir) {
		this.dir = dir;
	}

	/** Front matter with local hosts h1..hN, each in its own folder, and the group {@code web} of all of them. */
	String frontMatter(int hosts) throws Exception {
		StringBuilder text = new StringBuilder("---\ntitle: Fleet\ntargets:\n");
		List<String> names = new ArrayList<>();
		for (int i = 1; i <= hosts; i++) {
			Files.createDirectories(this.dir.resolve("h" + i));
			text.append("  h").append(i).append(": {uri: local, cwd: \"").append(this.dir.resolve("h" + i))
				.append("\"}\n");
			names.add("h" + i);
		}
		text.append("  web: [").append(String.join(", ", names)).append("]\n---\n");
		return text.toString();
	}

	/** A block that appends "HOST NAME" to ../order, then runs {@code body}. */
	static String block(String name, String body) {
		return """

				```bash {name=%s}
				echo "$(basename "$PWD") %s" >> ../order
				%s
				```
				""".formatted(name, name, body);
	}

	Path plan(int hosts, String... blocks) throws Exception {
		return Files.writeString(this.dir.resolve("plan.md"),
				frontMatter(hosts) + "# Fleet\n\n## Steps\n" + String.join("", blocks));
	}

	RunbookCli.Result run(String... args) throws Exception {
		List<String> all = new ArrayList<>(List.of("run", "plan.md", "--log-dir", "logs"));
		all.addAll(List.of(args));
		return RunbookCli.run(this.dir, TIMEOUT, all.toArray(String[]::new));
	}

	List<String> order() throws Exception {
		Path order = this.dir.resolve("order");
		return Files.isRegularFile(order) ? Files.readAllLines(order) : List.of();
	}

	JsonNode index() throws Exception {
		return JSON.readTree(indexFile().toFile());
	}

	/** The fleet index the run wrote in logs/. */
	Path indexFile() throws Exception {
		try (var files = Files.list(this.dir.resolve("logs"))) {
			return files.filter(f -> f.getFileName().toString().contains("-fleet-")
					&& f.getFileName().toString().endsWith(".json")).findFirst().orElseThrow();
		}
	}

	static String state(JsonNode index, String host) {
		return host(index, host).get("state").asText();
	}

	/** The index's entry of {@code host}. */
	static JsonNode host(JsonNode index, String host) {
		for (JsonNode node : index.get("hosts")) {
			if (node.get("name").asText().equals(host)) {
				return node;
			}
		}
		throw new AssertionError("no host " + host + " in " + index);
	}

	static int count(String text, String part) {
		Matcher matcher = Pattern.compile(Pattern.quote(part)).matcher(text);
		int n = 0;
		while (matcher.find()) {
			n++;
		}
		return n;
	}

}
