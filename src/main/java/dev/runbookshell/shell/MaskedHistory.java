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

import dev.runbookshell.runbook.VariableSpec;
import dev.runbookshell.session.RunSession;
import dev.runbookshell.session.SecretValues;
import dev.runbookshell.session.SessionVariables;

/**
 * The shell's command history ({@code ~/.runbook-shell/history}, replacing Spring Shell's), which never holds a
 * secret value: {@code set NAME VALUE} of a secret variable (declared {@code secret: true}, set as a secret, or
 * named like one) is kept as {@code set NAME ****}, and any secret value the session knows is masked in every
 * line, a {@code note} included. The file is readable by its owner only (0600), an existing one made so, and
 * {@code set} lines of secret-named variables left in clear by older versions are masked when it is loaded.
 */
@Component
public class MaskedHistory extends DefaultHistory {

	/** {@code set NAME VALUE}, optionally behind the file's {@code <epoch millis>:} timestamp. */
	private static final Pattern SET = Pattern.compile("^(\\d+:)?(\\s*set\\s+)(\\S+)(\\s+)\\S.*$", Pattern.DOTALL);

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
		String masked = maskSet(line);
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
		String masked = maskSet(line);
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
