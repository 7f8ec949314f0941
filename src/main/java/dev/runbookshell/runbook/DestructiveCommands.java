package dev.runbookshell.runbook;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.runbookshell.runbook.SimpleCommands.Command;
import dev.runbookshell.runbook.SimpleCommands.Word;

/**
 * The one list of commands that destroy data, stop a service or change a host's configuration in place. The
 * engine asks the operator to type the target's name before such a block runs, {@code run --dry-run} marks
 * it, and lint reports it (and warns when data is destroyed with no backup before). Reads command text only:
 * each simple command (see {@link SimpleCommands}) is checked by program and arguments, commands quoted inside
 * {@code sh -c '...'}, {@code ssh host '...'} and the like are checked too, and SQL or Redis statements are
 * found anywhere in the text but comments (here-documents included). Linear in the text.
 * <p>
 * What is on the list (see {@link DestructiveRules}): recursive {@code rm}; {@code DROP}/{@code TRUNCATE}/
 * {@code DELETE FROM}, {@code FLUSHALL}, {@code dropDatabase()}, {@code dropdb}; {@code mkfs}, {@code wipefs},
 * partitioning, {@code shred}; {@code dd of=/dev/...}; {@code truncate}; {@code find -delete},
 * {@code rsync --delete}; writes under {@code /etc} (in-place {@code sed -i}/{@code perl -i}, redirections,
 * {@code tee}, {@code cp}/{@code mv}/{@code install}/{@code ln} into it, {@code rm} of a file in it, {@code mv} of
 * one away from it);
 * {@code systemctl stop|disable|mask|kill}, {@code service NAME stop}; {@code docker}/{@code podman}
 * {@code rm|rmi|stop|kill}, {@code volume rm}, {@code prune}, {@code compose down|rm|stop|kill};
 * {@code kubectl delete|drain}, {@code helm uninstall}; {@code git push --force}, {@code git reset --hard},
 * {@code git clean -f}; {@code terraform destroy}; cloud deletes ({@code aws s3 rm}, {@code aws ... delete-*});
 * package removal; {@code reboot}/{@code shutdown}; {@code pkill}/{@code killall}; firewall flushes;
 * {@code userdel}; {@code crontab -r}; and any {@code --force}.
 */
public final class DestructiveCommands {

	private static final Pattern SQL = Pattern.compile("(?i)\\b(?:(?:drop|truncate)\\s++(?:table|database|schema|user|role"
			+ "|index|view|owned|extension|collection|keyspace|materialized)|delete\\s++from|flushall|flushdb)\\b"
			+ "|\\.drop(?:Database)?\\(\\)");

	private static final Pattern SQL_TRUNCATE = Pattern.compile("\\bTRUNCATE\\s++[A-Za-z_\"]");

	/** Quoted commands inside quoted commands are read; deeper ones are not (none seen in real runbooks). */
	private static final int MAX_NESTING = 2;

	private DestructiveCommands() {
	}

	/**
	 * What is destructive about a command.
	 *
	 * @param kind what it destroys or changes
	 * @param what one short line naming the command and its object ({@code systemctl stop nginx},
	 * {@code in-place edit of /etc/nginx/nginx.conf (sed -i)})
	 * @param line 0-based line of the text where the command stands
	 */
	public record Risk(Kind kind, String what, int line) {
	}

	/** What a destructive command destroys or changes. */
	public enum Kind {

		/** Deletes or overwrites data: files, tables, volumes, disks, history. */
		DATA,
		/** Changes the host's configuration in place: files under /etc, the firewall. */
		CONFIG,
		/** Stops, removes or restarts a running service, container, package or host. */
		SERVICE,
		/** A {@code --force} option: skips the command's own safety checks. */
		FORCE;

		/** Whether lint asks for a backup before it. */
		public boolean wantsBackup() {
			return this == DATA || this == CONFIG;
		}

	}

	/** Every destructive command in {@code text}, at most one per simple command, in text order. */
	public static List<Risk> find(String text) {
		return find(text, SimpleCommands.of(text));
	}

	/** Like {@link #find(String)} with {@code text} already cut into {@code commands}. */
	public static List<Risk> find(String text, SimpleCommands commands) {
		List<Risk> risks = new ArrayList<>();
		commands(text, commands, 0, 0, risks);
		Map<Integer, List<Risk>> byLine = new HashMap<>();
		risks.forEach(r -> byLine.computeIfAbsent(r.line(), k -> new ArrayList<>()).add(r));
		for (Risk statement : statements(text)) {
			List<Risk> onLine = byLine.computeIfAbsent(statement.line(), k -> new ArrayList<>());
			if (onLine.stream().noneMatch(r -> r.kind() == Kind.DATA)) {
				onLine.clear(); // "DROP TABLE" says more than the --force beside it
				onLine.add(statement);
			}
		}
		List<Risk> merged = new ArrayList<>();
		byLine.values().forEach(merged::addAll);
		merged.sort(Comparator.comparingInt(Risk::line));
		return merged;
	}

	/** The first destructive command in {@code text}, if any. */
	public static Optional<Risk> first(String text) {
		List<Risk> risks = find(text);
		return risks.isEmpty() ? Optional.empty() : Optional.of(risks.get(0));
	}

	private static void commands(String text, SimpleCommands parsed, int lineOffset, int depth, List<Risk> risks) {
		LineStarts lines = null;
		for (Command command : parsed.commands()) {
			DestructiveRules.check(command)
				.ifPresent(risk -> risks.add(new Risk(risk.kind(), risk.what(), lineOffset + command.line())));
			if (depth >= MAX_NESTING) {
				continue;
			}
			for (Word word : command.words()) {
				if (word.quoted() && word.text().indexOf(' ') >= 0) {
					lines = lines == null ? new LineStarts(text) : lines;
					commands(word.text(), SimpleCommands.of(word.text()), lineOffset + lines.lineOf(word.start()), depth + 1,
							risks);
				}
			}
		}
	}

	/** SQL and Redis statements anywhere but in comments, one per line: {@code psql -c "..."}, here-documents. */
	private static List<Risk> statements(String text) {
		String code = ShellText.of(text).commentsBlanked();
		if (!mayHoldStatement(code)) {
			return List.of();
		}
		LineStarts lines = new LineStarts(code);
		Map<Integer, Risk> found = new HashMap<>();
		for (Pattern pattern : List.of(SQL, SQL_TRUNCATE)) {
			Matcher m = pattern.matcher(code);
			while (m.find()) {
				int line = lines.lineOf(m.start());
				found.putIfAbsent(line, new Risk(Kind.DATA, statement(code, m.start()), line));
			}
		}
		return new ArrayList<>(found.values());
	}

	/** A cheap test first: most blocks hold no statement, and the regexes would try every position. */
	private static boolean mayHoldStatement(String code) {
		for (String word : List.of("rop", "ROP", "runcate", "RUNCATE", "elete", "ELETE", "lush", "LUSH", "DROP")) {
			if (code.contains(word)) {
				return true;
			}
		}
		return false;
	}

	/** The statement's first words, up to the end of the line or a quote: {@code DROP TABLE users}. */
	private static String statement(String code, int start) {
		int end = start;
		while (end < code.length() && end - start < 60 && "\n'\";`".indexOf(code.charAt(end)) < 0) {
			end++;
		}
		return code.substring(start, end).strip();
	}

}
