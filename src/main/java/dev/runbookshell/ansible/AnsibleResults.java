package dev.runbookshell.ansible;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * What {@code ansible-playbook} printed with the {@code ansible.posix.json} callback (one document at the end:
 * {@code plays[].tasks[].hosts{}} and {@code stats}) or {@code ansible.posix.jsonl} (one event a line:
 * {@code v2_playbook_on_play_start}, {@code v2_playbook_on_task_start}, {@code v2_runner_on_ok|failed|skipped|
 * unreachable}, {@code v2_playbook_on_stats}), read into one shape. Other lines (a pause's prompt, which Ansible
 * prints on stdout too) are skipped.
 */
final class AnsibleResults {

	private static final ObjectMapper JSON = new ObjectMapper();

	/** How every jsonl event starts (the callback sorts keys, and _event sorts first). */
	private static final String EVENT = "{\"_event\":";

	/**
	 * One play.
	 * @param name its name
	 * @param path the playbook file and line ({@code /x/playbook.yml:1})
	 * @param start when it started
	 * @param end when its last result came
	 * @param tasks its tasks in the order they started
	 */
	record Play(String name, String path, Instant start, Instant end, List<Task> tasks) {
	}

	/**
	 * One task.
	 * @param name its name
	 * @param start when it started
	 * @param hosts each host's result, in the order they came
	 */
	record Task(String name, Instant start, Map<String, HostResult> hosts) {
	}

	/**
	 * One host's result of a task.
	 * @param fields the result as Ansible reported it ({@code rc}, {@code stdout}, {@code failed}, ...)
	 * @param at when it came (jsonl), or null (json: only the task's times are known)
	 */
	record HostResult(JsonNode fields, Instant at) {

		boolean flag(String name) {
			return this.fields.path(name).asBoolean(false);
		}

		String text(String name) {
			JsonNode value = this.fields.get(name);
			return value == null || value.isNull() ? null : value.asText();
		}

		Integer number(String name) {
			JsonNode value = this.fields.get(name);
			return value != null && value.canConvertToInt() ? value.asInt() : null;
		}

	}

	/**
	 * The plays and every host the run knew (from its stats and its results).
	 */
	record Run(List<Play> plays, Set<String> hosts) {
	}

	private AnsibleResults() {
	}

	static Run read(Path file) {
		String text;
		try {
			text = Files.readString(file, StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new AnsibleException(file + ": cannot read (" + ex.getMessage() + ")", ex);
		}
		String[] lines = text.split("\n", -1);
		for (int i = 0; i < lines.length; i++) {
			// a pause's prompt has no newline of its own: what Ansible prints next may follow it on its line
			lines[i] = lines[i].indexOf(EVENT) > 0 ? lines[i].substring(lines[i].indexOf(EVENT)) : lines[i];
		}
		for (int i = 0; i < lines.length; i++) {
			if (lines[i].startsWith(EVENT)) {
				return lines(file, lines, i);
			}
			if (lines[i].startsWith("{") || lines[i].endsWith("{")) {
				String rest = String.join("\n", List.of(lines).subList(i + 1, lines.length));
				String first = lines[i].startsWith("{") ? lines[i] : "{";
				return document(file, first + "\n" + rest, i + 1);
			}
		}
		throw new AnsibleException(file + ": no JSON from ansible-playbook in it (run it with "
				+ "ANSIBLE_STDOUT_CALLBACK=ansible.posix.json or ansible.posix.jsonl)");
	}

	private static Run document(Path file, String json, int line) {
		JsonNode root;
		try {
			root = JSON.readTree(json);
		}
		catch (JsonProcessingException ex) {
			int at = ex.getLocation() == null ? 0 : ex.getLocation().getLineNr() + line - 1;
			throw new AnsibleException(file + ":" + at + ": not ansible.posix.json output (" + ex.getOriginalMessage() + ")", ex);
		}
		if (!root.has("plays")) {
			throw new AnsibleException(file + ":" + line + ": not ansible.posix.json output (no \"plays\")");
		}
		List<Play> plays = new ArrayList<>();
		Set<String> hosts = new LinkedHashSet<>();
		for (JsonNode play : root.get("plays")) {
			List<Task> tasks = new ArrayList<>();
			for (JsonNode task : play.path("tasks")) {
				Map<String, HostResult> results = new LinkedHashMap<>();
				task.path("hosts").properties().forEach(e -> results.put(e.getKey(), new HostResult(e.getValue(), null)));
				hosts.addAll(results.keySet());
				tasks.add(new Task(task.at("/task/name").asText(), time(task.at("/task/duration/start")), results));
			}
			plays.add(new Play(play.at("/play/name").asText(), play.at("/play/path").asText(),
					time(play.at("/play/duration/start")), time(play.at("/play/duration/end")), tasks));
		}
		root.path("stats").fieldNames().forEachRemaining(hosts::add);
		return new Run(plays, hosts);
	}

	private static Run lines(Path file, String[] lines, int from) {
		List<PlayBuilder> plays = new ArrayList<>();
		Set<String> hosts = new LinkedHashSet<>();
		for (int i = from; i < lines.length; i++) {
			JsonNode event = lines[i].startsWith(EVENT) ? parseOrNull(lines[i]) : null;
			if (event == null || !event.has("_event")) {
				continue;
			}
			String kind = event.get("_event").asText();
			Instant at = time(event.get("_timestamp"));
			if (kind.equals("v2_playbook_on_play_start")) {
				plays.add(new PlayBuilder(event.at("/play/name").asText(), event.at("/play/path").asText(), at));
			}
			else if (kind.equals("v2_playbook_on_stats")) {
				event.path("stats").fieldNames().forEachRemaining(hosts::add);
			}
			else if (!plays.isEmpty() && event.has("task")) {
				PlayBuilder play = plays.get(plays.size() - 1);
				play.end = at;
				String id = event.at("/task/id").asText();
				TaskBuilder task = play.tasks.computeIfAbsent(id, key -> new TaskBuilder(event.at("/task/name").asText(),
						time(event.at("/task/duration/start"))));
				event.path("hosts").properties().forEach(e -> {
					task.hosts.put(e.getKey(), new HostResult(e.getValue(), at));
					hosts.add(e.getKey());
				});
			}
		}
		if (plays.isEmpty()) {
			throw new AnsibleException(file + ": no play in these ansible.posix.jsonl events");
		}
		return new Run(plays.stream().map(PlayBuilder::build).toList(), hosts);
	}

	private static JsonNode parseOrNull(String line) {
		try {
			return JSON.readTree(line);
		}
		catch (JsonProcessingException ex) {
			return null;
		}
	}

	private static Instant time(JsonNode node) {
		if (node == null || node.isMissingNode() || node.isNull()) {
			return null;
		}
		try {
			return Instant.parse(node.asText());
		}
		catch (DateTimeParseException ex) {
			return null;
		}
	}

	private static final class PlayBuilder {

		private final String name;

		private final String path;

		private final Instant start;

		private Instant end;

		private final Map<String, TaskBuilder> tasks = new LinkedHashMap<>();

		PlayBuilder(String name, String path, Instant start) {
			this.name = name;
			this.path = path;
			this.start = start;
			this.end = start;
		}

		Play build() {
			return new Play(this.name, this.path, this.start, this.end,
					this.tasks.values().stream().map(t -> new Task(t.name, t.start, t.hosts)).toList());
		}

	}

	private static final class TaskBuilder {

		private final String name;

		private final Instant start;

		private final Map<String, HostResult> hosts = new LinkedHashMap<>();

		TaskBuilder(String name, Instant start) {
			this.name = name;
			this.start = start;
		}

	}

}
