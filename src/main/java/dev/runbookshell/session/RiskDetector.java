package dev.runbookshell.session;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

import dev.runbookshell.runbook.Annotations.Confirm;
import dev.runbookshell.runbook.Block;

/**
 * Recognises blocks that destroy or stop something, so that the operator types the target's name before they
 * run: {@code confirm=typed}, or one of the commands below in a line that is not a comment. {@code confirm=never}
 * turns detection off for a block.
 */
public final class RiskDetector {

	private static final Map<String, Pattern> RISKS = new LinkedHashMap<>();

	static {
		RISKS.put("rm -rf", Pattern.compile(
				"\\brm\\s+(?:-\\S+\\s+)*(?:-[a-zA-Z]*(?:r[a-zA-Z]*f|f[a-zA-Z]*r)[a-zA-Z]*|-[rR]\\s+-f|-f\\s+-[rR]|--recursive\\s+--force|--force\\s+--recursive)\\b"));
		RISKS.put("git push --force", Pattern.compile("\\bgit\\s+push\\b[^\\n;|&]*\\s(?:--force\\S*|-f)\\b"));
		RISKS.put("--force", Pattern.compile("(?:^|\\s)--force\\b"));
		RISKS.put("DROP", Pattern.compile("\\bDROP\\b|(?i:\\bdrop\\s+(?:table|database|schema|user|role)\\b)"));
		RISKS.put("systemctl stop/disable",
				Pattern.compile("\\bsystemctl\\s+(?:-\\S+\\s+)*(?:stop|disable|mask)\\b"));
		RISKS.put("docker compose down", Pattern.compile("\\bdocker(?:-compose|\\s+compose)\\b[^\\n;|&]*\\sdown\\b"));
		RISKS.put("write under /etc", Pattern.compile(
				">>?\\s*/etc/|\\btee\\s+(?:-\\S+\\s+)*/etc/|\\b(?:cp|mv|install)\\s[^\\n;|&]*\\s/etc/|\\bsed\\s+(?:-\\S+\\s+)*-i\\S*\\s[^\\n;|&]*/etc/|\\bsed\\s+-i\\S*\\s[^\\n;|&]*/etc/"));
	}

	private RiskDetector() {
	}

	/** Why {@code command} (what will run for {@code block}) is risky, or null when it is not. */
	public static String risk(Block block, String command) {
		Confirm confirm;
		try {
			confirm = block.annotations().confirm().orElse(null);
		}
		catch (IllegalArgumentException ex) {
			confirm = Confirm.TYPED; // a confirm value we cannot read: ask rather than guess
		}
		if (confirm == Confirm.TYPED) {
			return "confirm=typed";
		}
		if (confirm == Confirm.NEVER) {
			return null;
		}
		return detect(command);
	}

	/** The first risky command in {@code command}, ignoring comment lines; null when none. */
	public static String detect(String command) {
		StringBuilder code = new StringBuilder();
		for (String line : command.split("\n")) {
			if (!line.stripLeading().startsWith("#")) {
				code.append(line).append('\n');
			}
		}
		for (Map.Entry<String, Pattern> risk : RISKS.entrySet()) {
			if (risk.getValue().matcher(code).find()) {
				return risk.getKey();
			}
		}
		return null;
	}

}
