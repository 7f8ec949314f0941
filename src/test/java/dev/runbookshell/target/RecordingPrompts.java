package dev.runbookshell.target;

import java.util.ArrayList;
import java.util.List;

/** Prompts that answer every secret the same way and note each prompt; unknown host keys are refused. */
final class RecordingPrompts implements TargetPrompts {

	private final String answer;

	private final List<String> asked = new ArrayList<>();

	private RecordingPrompts(String answer) {
		this.answer = answer;
	}

	/** Types {@code answer} at every secret prompt. */
	static RecordingPrompts answering(String answer) {
		return new RecordingPrompts(answer);
	}

	/** Nobody types anything (as unattended), but the prompts are noted. */
	static RecordingPrompts unanswered() {
		return new RecordingPrompts(null);
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
		return this.answer == null ? null : this.answer.toCharArray();
	}

}
