package dev.runbookshell.session;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.runbookshell.targets.ExecRequest;
import dev.runbookshell.targets.ExecResult;
import dev.runbookshell.targets.ExecResult.Outcome;
import dev.runbookshell.targets.OutputSink;
import dev.runbookshell.targets.TargetSession;

/**
 * A target session that scripts outcomes: by default every block completes with exit 0 and prints its script;
 * {@link #when} queues results for scripts containing a text.
 */
final class FakeTarget implements TargetSession {

	final List<ExecRequest> requests = new ArrayList<>();

	private final Map<String, Deque<Scripted>> scripted = new LinkedHashMap<>();

	String fingerprint = "local:testhost";

	boolean closed;

	int interrupts;

	/** What was typed into interactive blocks; the fake takes input at any time. */
	final List<String> typed = new ArrayList<>();

	record Scripted(Outcome outcome, Integer exitCode, String output) {
	}

	FakeTarget when(String contains, Outcome outcome, Integer exitCode, String output) {
		this.scripted.computeIfAbsent(contains, k -> new ArrayDeque<>()).add(new Scripted(outcome, exitCode, output));
		return this;
	}

	FakeTarget failing(String contains) {
		return when(contains, Outcome.COMPLETED, 1, "boom\n");
	}

	@Override
	public ExecResult execute(ExecRequest request, OutputSink sink) {
		this.requests.add(request);
		Scripted result = new Scripted(Outcome.COMPLETED, 0, request.script() + "\n");
		for (Map.Entry<String, Deque<Scripted>> entry : this.scripted.entrySet()) {
			if (request.script().contains(entry.getKey()) && !entry.getValue().isEmpty()) {
				result = entry.getValue().poll();
				break;
			}
		}
		byte[] bytes = result.output().getBytes(StandardCharsets.UTF_8);
		sink.stdout(bytes, 0, bytes.length);
		return new ExecResult(result.outcome(), result.exitCode(), Duration.ofMillis(5), false, null);
	}

	List<String> scripts() {
		return this.requests.stream().map(ExecRequest::script).toList();
	}

	int reconnects;

	@Override
	public void reconnect() {
		this.reconnects++;
	}

	@Override
	public boolean sendInput(byte[] bytes) {
		this.typed.add(new String(bytes, StandardCharsets.UTF_8));
		return true;
	}

	@Override
	public void interrupt() {
		this.interrupts++;
	}

	@Override
	public String fingerprint() {
		return this.fingerprint;
	}

	@Override
	public String shell() {
		return "bash";
	}

	@Override
	public void close() {
		this.closed = true;
	}

}
