package dev.runbookshell.targets;

import java.util.ArrayList;
import java.util.List;

/**
 * Prompts that answer secrets from a list (the last answer again once the list is used up) and note each prompt;
 * unknown host keys are refused.
 */
final class RecordingPrompts implements TargetPrompts {

	private final List<String> answers;

	private final List<String> asked = new ArrayList<>();

	private RecordingPrompts(List<String> answers) {
		this.answers = answers;
	}

	/** Types {@code answers} at the secret prompts in turn, then the last one at every later prompt. */
	static RecordingPrompts answering(String... answers) {
		return new RecordingPrompts(List.of(answers));
	}

	/** Nobody types anything (as unattended), but the prompts are noted. */
	static RecordingPrompts unanswered() {
		return new RecordingPrompts(List.of());
	}

	/** Every secret prompt shown so far, in order. */
	List<String> asked() {
		return this.asked;
	}

	@Override
	public boolean acceptUnknownHostKey(String host, String keyType, String fingerprint) {
		return false;
	}

	@Override
	public char[] readSecret(String prompt) {
		this.asked.add(prompt);
		if (this.answers.isEmpty()) {
			return null;
		}
		return this.answers.get(Math.min(this.asked.size(), this.answers.size()) - 1).toCharArray();
	}

}
