package dev.runbookshell.shell;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jline.reader.LineReader;
import org.jline.reader.impl.history.DefaultHistory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import dev.runbookshell.runbook.RunbookParseException;
import dev.runbookshell.runbook.RunbookParser;
import dev.runbookshell.runbook.VariableSpec;
import dev.runbookshell.session.RunSession;
import dev.runbookshell.session.SecretValues;
import dev.runbookshell.session.SessionVariables;

/**
 * The shell's command history ({@code ~/.runbook-shell/history}, replacing Spring Shell's), which never holds a
 * secret value: {@code set NAME VALUE} of a secret variable (declared {@code secret: true}, set as a secret, or
 * named like one) is kept as {@code set NAME ****}, {@code run FILE --var NAME=VALUE} as {@code --var NAME=****},
 * and any secret value the session knows is masked in every
 * line, a {@code note} included. The file is readable by its owner only (0600), an existing one made so, and
 * {@code set} lines of secret-named variables left in clear by older versions are masked when it is loaded.
 */
@Component
public class MaskedHistory extends DefaultHistory {

	/** {@code set NAME VALUE}, optionally behind the file's {@code <epoch millis>:} timestamp. */
	private static final Pattern SET = Pattern.compile("^(\\d+:)?(\\s*set\\s+)(\\S+)(\\s+)\\S.*$", Pattern.DOTALL);

	/**
	 * {@code --var NAME=VALUE} or {@code --var=NAME=VALUE}; the value may be quoted, or the whole word
	 * ({@code --var "NAME=VALUE"}), as the shell's parser takes it (unclosed: to the end).
	 */
	private static final Pattern VAR = Pattern.compile("(?<option>--var(?:\\s+|=))(?:"
			+ "(?<quote>[\"'])(?<quotedName>[A-Za-z_][A-Za-z0-9_]*)=(?:(?!\\k<quote>).)*(?:\\k<quote>|$)"
			+ "|(?<name>[A-Za-z_][A-Za-z0-9_]*)=(?:\"[^\"]*(?:\"|$)|'[^']*(?:'|$)|[^\\s\"']+)+)", Pattern.DOTALL);

	/** {@code run FILE}, FILE maybe quoted, to read which variables FILE declares secret. */
	private static final Pattern RUN_FILE = Pattern
		.compile("^(?:\\d+:)?\\s*run\\s+(?:\"(?<dq>[^\"]+)\"|'(?<sq>[^']+)'|(?<bare>\\S+))");

	private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

	private final CurrentRunbook current;

	private final ObjectProvider<InteractiveSession> sessions;

	private LineReader reader;

	private boolean maskedOnLoad;

	public MaskedHistory(CurrentRunbook current, ObjectProvider<InteractiveSession> sessions) {
		this.current = current;
		this.sessions = sessions;
	}

	@Override
	public void attach(LineReader reader) {
		this.reader = reader;
		super.attach(reader);
	}

	@Override
	public void add(Instant time, String line) {
		super.add(time, mask(line));
	}

	@Override
	public void load() throws IOException {
		Path file = file();
		if (file != null && Files.exists(file)) {
			ownerOnly(file);
		}
		this.maskedOnLoad = false;
		super.load();
		if (this.maskedOnLoad && file != null) {
			write(file, false);
		}
	}

	@Override
	protected void addHistoryLine(Path path, String line, boolean checkDuplicates) {
		String masked = maskVarOptions(maskSet(line));
		this.maskedOnLoad |= !masked.equals(line);
		super.addHistoryLine(path, masked, checkDuplicates);
	}

	@Override
	public void save() throws IOException {
		ownerOnly(file());
		super.save();
	}

	@Override
	public void append(Path file, boolean incremental) throws IOException {
		ownerOnly(file != null ? file : file());
		super.append(file, incremental);
	}

	/** As the default (the file is replaced), but the new file is owner-only from the start. */
	@Override
	public void write(Path file, boolean incremental) throws IOException {
		Path path = file != null ? file : file();
		if (path != null) {
			Files.deleteIfExists(path);
		}
		append(path, incremental);
	}

	String mask(String line) {
		String masked = maskVarOptions(maskSet(line));
		InteractiveSession session = this.sessions.getIfAvailable();
		RunSession running = session == null ? null : session.active();
		if (running != null) {
			SessionVariables variables = running.variables();
			for (String name : variables.secretsIn(masked)) {
				masked = masked.replace(variables.get(name).orElseThrow(), SecretValues.MASK);
			}
		}
		return masked;
	}

	private String maskSet(String line) {
		Matcher set = SET.matcher(line);
		if (!set.matches() || !secretName(set.group(3))) {
			return line;
		}
		return (set.group(1) == null ? "" : set.group(1)) + set.group(2) + set.group(3) + set.group(4)
				+ SecretValues.MASK;
	}

	/** {@code run plan.md --var API_TOKEN=...} typed at the prompt: the value of a secret variable is masked. */
	private String maskVarOptions(String line) {
		Matcher option = VAR.matcher(line);
		if (!option.find()) {
			return line;
		}
		Set<String> declared = declaredSecrets(line);
		StringBuilder masked = new StringBuilder();
		do {
			String quote = option.group("quote");
			String name = quote != null ? option.group("quotedName") : option.group("name");
			boolean secret = declared.contains(name) || secretName(name);
			String kept = option.group("option") + (quote == null ? "" : quote) + name + "=" + SecretValues.MASK
					+ (quote == null ? "" : quote);
			option.appendReplacement(masked, Matcher.quoteReplacement(secret ? kept : option.group()));
		}
		while (option.find());
		return option.appendTail(masked).toString();
	}

	/** The variables the runbook named by a {@code run} line declares secret (none when it cannot be read). */
	private static Set<String> declaredSecrets(String line) {
		Matcher run = RUN_FILE.matcher(line);
		if (!run.find()) {
			return Set.of();
		}
		try {
			String named = run.group("dq") != null ? run.group("dq") : run.group("sq") != null ? run.group("sq")
					: run.group("bare");
			Path file = Path.of(named);
			if (!Files.isRegularFile(file)) {
				return Set.of();
			}
			Set<String> secrets = new java.util.HashSet<>();
			new RunbookParser().parse(file).frontMatter().variables().forEach((name, spec) -> {
				if (spec.secret()) {
					secrets.add(name);
				}
			});
			return secrets;
		}
		catch (RuntimeException | RunbookParseException ex) {
			// a runbook that does not parse will not run either: the names alone decide
			return Set.of();
		}
	}

	private boolean secretName(String name) {
		if (SessionVariables.namedAsSecret(name)) {
			return true;
		}
		InteractiveSession session = this.sessions.getIfAvailable();
		RunSession running = session == null ? null : session.active();
		if (running != null && running.variables().isSecret(name)) {
			return true;
		}
		return this.current.get()
			.map(runbook -> runbook.frontMatter().variables().get(name))
			.map(VariableSpec::secret)
			.orElse(false);
	}

	private Path file() {
		Object file = this.reader == null ? null : this.reader.getVariable(LineReader.HISTORY_FILE);
		return file == null ? null : Path.of(file.toString());
	}

	/** Creates the file (and its folder) for the owner only, or takes the group's and others' rights away. */
	private static void ownerOnly(Path file) throws IOException {
		if (file == null || !FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
			return;
		}
		if (Files.exists(file)) {
			if (!Files.getPosixFilePermissions(file).equals(OWNER_ONLY)) {
				Files.setPosixFilePermissions(file, OWNER_ONLY);
			}
			return;
		}
		Path folder = file.toAbsolutePath().getParent();
		if (!Files.isDirectory(folder)) {
			Files.createDirectories(folder,
					PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
		}
		Files.createFile(file, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
	}

}
