package dev.runbookshell.runbook;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds what the operator must supply before a block runs, walking the executable blocks in document order so
 * that a variable set by an earlier block is not asked for again. Three kinds:
 * <ul>
 * <li>{@code <name>}: {@code <} + a letter, then letters, digits, {@code _ . -}, single spaces between words,
 * then {@code >}, also inside a word ({@code prod_<timestamp>.dump}). Not {@code <<EOF}, {@code < file}, {@code <(cmd)}, a few HTML tags, or in comments.</li>
 * <li>date-format tokens: {@code YYYY}, {@code YYYYMMDD}, {@code YYYY-MM-DD}, {@code YYYYMMDD_HHMM}, ...</li>
 * <li>{@code $VAR}/{@code ${VAR}} defined nowhere: not in front matter (variables, env), not assigned earlier
 * ({@code X=}, {@code export/local/declare/readonly X}, {@code read X}, {@code for X in}), not a usual
 * environment variable, not {@code ${X:-default}}-style, not in single quotes or quoted here-documents.</li>
 * </ul>
 * Not thread-safe: one instance per parse.
 */
final class PlaceholderScanner {

	/** Also inside a word ({@code prod_<timestamp>.dump}): bash would read it as redirections all the same. */
	private static final Pattern ANGLE = Pattern.compile("<([A-Za-z][A-Za-z0-9_.-]*+(?: [A-Za-z0-9_.-]++)*+)>");

	private static final Pattern DATE = Pattern.compile(
			"(?<![A-Za-z0-9])(YYYY(?:[-_./]?MM(?:[-_./]?DD)?)?(?:[-_T]?HH(?:[-:]?MM(?:[-:]?SS)?)?)?)(?![A-Za-z0-9])");

	private static final Pattern REFERENCE = Pattern
		.compile("\\$(?:\\{(#?)([A-Za-z_][A-Za-z0-9_]*)([^}]*)}?|([A-Za-z_][A-Za-z0-9_]*))");

	/** Matched only where one of its keywords starts a word (see {@link #findAt}). */
	private static final Pattern DECLARATION = Pattern
		.compile("(?:export|local|declare|typeset|readonly)\\s+(?:-\\w+\\s+)*([A-Za-z_][A-Za-z0-9_]*)");

	private static final Pattern LOOP = Pattern.compile("(?:for|select)\\s+([A-Za-z_][A-Za-z0-9_]*)\\s+in\\b");

	private static final Pattern READ = Pattern.compile("\\b(?:read|mapfile|readarray|getopts)\\b([^\\n;|&)]*)");

	private static final Set<String> HTML_TAGS = Set.of("a", "b", "i", "p", "br", "hr", "em", "li", "ul", "ol", "td",
			"tr", "th", "div", "pre", "code", "span", "html", "head", "body", "table", "title", "meta", "script",
			"style", "strong", "h1", "h2", "h3", "h4", "h5", "h6");

	private static final Set<String> ENVIRONMENT = Set.of("HOME", "USER", "LOGNAME", "PATH", "PWD", "OLDPWD", "SHELL",
			"HOSTNAME", "HOSTTYPE", "OSTYPE", "MACHTYPE", "LANG", "LANGUAGE", "TERM", "UID", "EUID", "GROUPS", "RANDOM",
			"IFS", "PPID", "SECONDS", "LINENO", "BASHPID", "SHLVL", "TMPDIR", "EDITOR", "VISUAL", "PAGER", "DISPLAY",
			"COLUMNS", "LINES", "REPLY", "OPTARG", "OPTIND", "PIPESTATUS", "FUNCNAME", "DIRSTACK", "HISTFILE",
			"HISTSIZE", "PS1", "PS2", "PS3", "PS4", "EPOCHSECONDS", "EPOCHREALTIME", "MAIL", "TZ", "SUDO_USER",
			"SUDO_UID", "SUDO_GID", "SUDO_COMMAND");

	private static final List<String> ENVIRONMENT_PREFIXES = List.of("BASH", "LC_", "XDG_", "SSH_");

	private final Set<String> defined = new HashSet<>();

	PlaceholderScanner(Set<String> declared) {
		this.defined.addAll(declared);
	}

	/** The placeholders of the next executable block; remembers what it defines for later blocks. */
	List<Placeholder> scan(String command) {
		ShellText shell = ShellText.of(command);
		List<Found> found = new ArrayList<>();
		// indexOf checks first: most lines have none of these, and the regexes try every position
		String code = shell.commentsBlanked();
		Matcher angle = ANGLE.matcher(code);
		// tried only where a '<' stands, and not right after another one (<<EOF)
		for (int at = code.indexOf('<'); at >= 0; at = code.indexOf('<', at + 1)) {
			// a letter must follow: `< file`, `<(cmd)`, `<<EOF` and `<&3` are ruled out before the regex is set up
			if (at + 1 < code.length() && isAsciiLetter(code.charAt(at + 1))
					&& (at == 0 || code.charAt(at - 1) != '<') && angle.region(at, code.length()).lookingAt()
					&& !HTML_TAGS.contains(angle.group(1).toLowerCase(java.util.Locale.ROOT))) {
				found.add(new Found(at, new Placeholder(angle.group(), angle.group(1), Placeholder.Kind.ANGLE)));
				at = angle.end() - 1;
			}
		}
		Matcher date = DATE.matcher(command.contains("YYYY") ? shell.commentsBlanked() : "");
		while (date.find()) {
			found.add(new Found(date.start(), new Placeholder(date.group(1), date.group(1), Placeholder.Kind.DATE)));
		}
		List<Definition> definitions = definitions(shell.literalsBlanked());
		Map<String, Integer> firstDefined = new HashMap<>();
		definitions.forEach(d -> firstDefined.merge(d.name(), d.offset(), Math::min));
		Matcher reference = REFERENCE.matcher(command.indexOf('$') >= 0 ? shell.literalsBlanked() : "");
		while (reference.find()) {
			String name = reference.group(2) != null ? reference.group(2) : reference.group(4);
			if (reference.group(2) != null && handlesUnset(reference.group(3))) {
				continue;
			}
			if (!isDefined(name, reference.start(), firstDefined)) {
				found.add(new Found(reference.start(),
						new Placeholder(command.substring(reference.start(), reference.end()), name,
								Placeholder.Kind.UNDEFINED_VARIABLE)));
			}
		}
		definitions.forEach(d -> this.defined.add(d.name()));
		found.sort(Comparator.comparingInt(Found::offset));
		Set<String> seen = new LinkedHashSet<>();
		List<Placeholder> placeholders = new ArrayList<>();
		for (Found f : found) {
			if (seen.add(f.placeholder().kind() + ":" + f.placeholder().variable())) {
				placeholders.add(f.placeholder());
			}
		}
		return placeholders;
	}

	/** {@code ${X:-d}}, {@code ${X:=d}}, {@code ${X-d}}, {@code ${X=d}}, {@code ${X:+alt}}: unset is handled. */
	private static boolean handlesUnset(String operator) {
		return operator.startsWith(":-") || operator.startsWith(":=") || operator.startsWith(":+")
				|| operator.startsWith("-") || operator.startsWith("=") || operator.startsWith("+");
	}

	private boolean isDefined(String name, int offset, Map<String, Integer> firstDefined) {
		if (this.defined.contains(name) || ENVIRONMENT.contains(name)) {
			return true;
		}
		for (String prefix : ENVIRONMENT_PREFIXES) {
			if (name.startsWith(prefix)) {
				return true;
			}
		}
		Integer defined = firstDefined.get(name);
		return defined != null && defined < offset;
	}

	private static List<Definition> definitions(String text) {
		List<Definition> definitions = new ArrayList<>();
		assignments(text, definitions);
		findAt(DECLARATION, text, definitions, "export", "local", "declare", "typeset", "readonly");
		findAt(LOOP, text, definitions, "for", "select");
		if (text.contains("read") || text.contains("mapfile") || text.contains("getopts")) {
			Matcher read = READ.matcher(text);
			while (read.find()) {
				String[] words = read.group(1).trim().split("\\s+");
				for (int i = words.length - 1; i >= 0 && isIdentifier(words[i], 0, words[i].length()); i--) {
					definitions.add(new Definition(words[i], read.start()));
				}
			}
		}
		return definitions;
	}

	/** {@code NAME=}, {@code NAME+=}, {@code NAME[i]=} at the start of a word: found from each '=' backwards. */
	private static void assignments(String text, List<Definition> definitions) {
		for (int eq = text.indexOf('='); eq >= 0; eq = text.indexOf('=', eq + 1)) {
			int end = eq;
			if (end > 0 && text.charAt(end - 1) == '+') {
				end--;
			}
			if (end > 0 && text.charAt(end - 1) == ']') {
				int open = text.lastIndexOf('[', end - 1);
				end = open < 0 ? end : open;
			}
			int start = end;
			while (start > 0 && (Character.isLetterOrDigit(text.charAt(start - 1)) || text.charAt(start - 1) == '_')) {
				start--;
			}
			boolean atWordStart = start == 0 || " \t\n;&|({`".indexOf(text.charAt(start - 1)) >= 0;
			if (start < end && atWordStart && isIdentifier(text, start, end)) {
				definitions.add(new Definition(text.substring(start, end), start));
			}
		}
	}

	/**
	 * Tries {@code pattern} only where a keyword starts a word: found with indexOf, which is much cheaper than
	 * letting the regex try every position of every block.
	 */
	private static void findAt(Pattern pattern, String text, List<Definition> definitions, String... keywords) {
		Matcher m = pattern.matcher(text);
		for (String keyword : keywords) {
			for (int at = text.indexOf(keyword); at >= 0; at = text.indexOf(keyword, at + 1)) {
				boolean wordStart = at == 0 || !Character.isLetterOrDigit(text.charAt(at - 1)) && text.charAt(at - 1) != '_';
				int after = at + keyword.length();
				// every pattern wants white space after its keyword: `exported`, `format` are ruled out here
				if (wordStart && after < text.length() && Character.isWhitespace(text.charAt(after))
						&& m.region(at, text.length()).lookingAt()) {
					definitions.add(new Definition(m.group(1), at));
				}
			}
		}
	}

	/** {@code [A-Za-z_][A-Za-z0-9_]*} over {@code text[from, to)}, without a regex: it runs for every {@code =}. */
	private static boolean isIdentifier(String text, int from, int to) {
		if (from >= to || !(isAsciiLetter(text.charAt(from)) || text.charAt(from) == '_')) {
			return false;
		}
		for (int i = from + 1; i < to; i++) {
			char c = text.charAt(i);
			if (!isAsciiLetter(c) && !(c >= '0' && c <= '9') && c != '_') {
				return false;
			}
		}
		return true;
	}

	private static boolean isAsciiLetter(char c) {
		return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z';
	}

	private record Found(int offset, Placeholder placeholder) {
	}

	private record Definition(String name, int offset) {
	}

}
