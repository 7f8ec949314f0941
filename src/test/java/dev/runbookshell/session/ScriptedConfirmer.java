package dev.runbookshell.session;

import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

import dev.runbookshell.runbook.Block;
import dev.runbookshell.runbook.ChecklistItem;

/** An operator whose answers are queued in advance; an unexpected question fails the test. */
class ScriptedConfirmer implements Confirmer {

	final Deque<Decision> before = new ArrayDeque<>();

	final Deque<Decision> failures = new ArrayDeque<>();

	final Deque<String> typed = new ArrayDeque<>();

	final Deque<String> values = new ArrayDeque<>();

	final Deque<CheckResult> checks = new ArrayDeque<>();

	boolean rollback;

	/** What the operator types into an interactive block, sent as soon as it starts; null: nobody can type. */
	String keyboard;

	int typingsEnded;

	final List<BlockPrompt> prompts = new ArrayList<>();

	final List<FailurePrompt> failurePrompts = new ArrayList<>();

	final List<String> asked = new ArrayList<>();

	ScriptedConfirmer answering(Decision... decisions) {
		this.before.addAll(List.of(decisions));
		return this;
	}

	ScriptedConfirmer onFailure(Decision... decisions) {
		this.failures.addAll(List.of(decisions));
		return this;
	}

	@Override
	public SessionMode mode() {
		return SessionMode.INTERACTIVE;
	}

	@Override
	public Decision beforeBlock(BlockPrompt prompt) {
		this.prompts.add(prompt);
		return next(this.before, "before " + prompt.block().label());
	}

	@Override
	public Decision afterFailure(FailurePrompt prompt) {
		this.failurePrompts.add(prompt);
		return next(this.failures, "after failure of " + prompt.block().label());
	}

	@Override
	public boolean typedConfirmation(Block block, String text, String targetName, String risk) {
		this.asked.add("typed " + block.label() + " (" + risk + ")");
		return targetName.equals(next(this.typed, "typed confirmation of " + block.label()));
	}

	@Override
	public String askVariable(String name, String prompt, boolean secret) {
		this.asked.add((secret ? "secret " : "") + name + ": " + prompt);
		return next(this.values, "value of " + name);
	}

	@Override
	public CheckResult check(ChecklistItem item) {
		this.asked.add("check " + item.text());
		return next(this.checks, "check " + item.text());
	}

	@Override
	public boolean confirmRollback(List<Block> plan) {
		this.asked.add("rollback " + plan.stream().map(Block::label).toList());
		return this.rollback;
	}

	@Override
	public Typing typeInto(Block block, BlockInput input) {
		if (this.keyboard == null) {
			return null;
		}
		this.asked.add("typing into " + block.label());
		input.send(this.keyboard.getBytes(StandardCharsets.UTF_8));
		return () -> this.typingsEnded++;
	}

	private static <T> T next(Deque<T> queue, String what) {
		if (queue.isEmpty()) {
			throw new AssertionError("unexpected question: " + what);
		}
		return queue.poll();
	}

}
