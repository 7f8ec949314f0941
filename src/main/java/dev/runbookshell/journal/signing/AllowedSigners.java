package dev.runbookshell.journal.signing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * An OpenSSH allowed_signers file (ssh-keygen(1), ALLOWED SIGNERS): per line, principals, optional options
 * ({@code namespaces="..."}, {@code valid-after=}, {@code valid-before=}, {@code cert-authority}) and a public key.
 * Finds who a key belongs to, as {@code ssh-keygen -Y find-principals} does. Certificate authorities are read
 * but match nothing: journals are signed with plain keys.
 */
public final class AllowedSigners {

	/**
	 * One line.
	 * @param line its 1-based line number
	 * @param principals the principals field as written ({@code alice@example.com,ops@example.com})
	 * @param namespaces the {@code namespaces} pattern-list, or null for any
	 * @param validAfter the key's start of validity, or null
	 * @param validBefore the key's end of validity, or null
	 * @param certificateAuthority true for a {@code cert-authority} line
	 * @param key the public key in SSH wire form
	 */
	public record Signer(int line, String principals, String namespaces, Instant validAfter, Instant validBefore,
			boolean certificateAuthority, byte[] key) {
	}

	/**
	 * What the file says about a key.
	 * @param signer the line that allows it, when one does
	 * @param refusal why the lines that list the key do not allow it here (namespace, validity), else null
	 */
	public record Match(Optional<Signer> signer, String refusal) {
	}

	private final Path file;

	private final List<Signer> signers;

	private AllowedSigners(Path file, List<Signer> signers) {
		this.file = file;
		this.signers = List.copyOf(signers);
	}

	/** @throws SigningException naming the file and line of a line that is not principals, options and a key */
	public static AllowedSigners read(Path file) {
		List<String> lines;
		try {
			lines = Files.readAllLines(file, StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new SigningException(file + ": cannot read the allowed signers (" + ex.getMessage() + ")", ex);
		}
		List<Signer> signers = new ArrayList<>();
		for (int i = 0; i < lines.size(); i++) {
			String text = lines.get(i).strip();
			if (!text.isEmpty() && !text.startsWith("#")) {
				signers.add(parse(file, i + 1, text));
			}
		}
		return new AllowedSigners(file, signers);
	}

	public Path file() {
		return this.file;
	}

	public List<Signer> signers() {
		return this.signers;
	}

	/** The first line that allows {@code key} to sign in {@code namespace} at {@code when}. */
	public Match find(PublicKey key, String namespace, Instant when) {
		byte[] blob = SshKeys.blob(key);
		String refusal = null;
		for (Signer signer : this.signers) {
			if (signer.certificateAuthority() || !Arrays.equals(signer.key(), blob)) {
				continue;
			}
			if (signer.namespaces() != null && !PatternList.matches(namespace, signer.namespaces())) {
				refusal = this.file + ":" + signer.line() + " lists the key for namespaces \"" + signer.namespaces()
						+ "\" only";
			}
			else if (signer.validAfter() != null && when.isBefore(signer.validAfter())) {
				refusal = this.file + ":" + signer.line() + " lists the key as valid only after "
						+ signer.validAfter();
			}
			else if (signer.validBefore() != null && when.isAfter(signer.validBefore())) {
				refusal = this.file + ":" + signer.line() + " lists the key as expired since " + signer.validBefore();
			}
			else {
				return new Match(Optional.of(signer), null);
			}
		}
		return new Match(Optional.empty(), refusal);
	}

	private static Signer parse(Path file, int line, String text) {
		List<String> fields = fields(text);
		if (fields.size() < 3) {
			throw new SigningException(file + ":" + line + ": expected principals, [options,] key type and key");
		}
		String principals = unquote(fields.get(0));
		int keyAt = isKeyType(fields.get(1)) ? 1 : 2;
		String options = keyAt == 2 ? fields.get(1) : "";
		if (fields.size() < keyAt + 2) {
			throw new SigningException(file + ":" + line + ": missing key");
		}
		byte[] key;
		try {
			key = Base64.getDecoder().decode(fields.get(keyAt + 1));
		}
		catch (IllegalArgumentException ex) {
			throw new SigningException(file + ":" + line + ": the key is not base64", ex);
		}
		Signer signer = new Signer(line, principals, null, null, null, false, key);
		for (String option : splitOptions(options)) {
			signer = withOption(file, line, signer, option);
		}
		return signer;
	}

	private static Signer withOption(Path file, int line, Signer s, String option) {
		int eq = option.indexOf('=');
		String name = (eq < 0 ? option : option.substring(0, eq)).toLowerCase(Locale.ROOT);
		String value = eq < 0 ? null : unquote(option.substring(eq + 1));
		return switch (name) {
			case "cert-authority" -> new Signer(s.line(), s.principals(), s.namespaces(), s.validAfter(),
					s.validBefore(), true, s.key());
			case "namespaces" -> new Signer(s.line(), s.principals(), value, s.validAfter(), s.validBefore(),
					s.certificateAuthority(), s.key());
			case "valid-after" -> new Signer(s.line(), s.principals(), s.namespaces(), time(file, line, value),
					s.validBefore(), s.certificateAuthority(), s.key());
			case "valid-before" -> new Signer(s.line(), s.principals(), s.namespaces(), s.validAfter(),
					time(file, line, value), s.certificateAuthority(), s.key());
			default -> throw new SigningException(file + ":" + line + ": unknown option '" + name + "'");
		};
	}

	/** {@code YYYYMMDD[Z]} or {@code YYYYMMDDHHMM[SS][Z]}: local time unless it ends in Z, as ssh-keygen reads it. */
	private static Instant time(Path file, int line, String value) {
		if (value == null) {
			throw new SigningException(file + ":" + line + ": a validity option needs a time");
		}
		boolean utc = value.endsWith("Z") || value.endsWith("z");
		String digits = utc ? value.substring(0, value.length() - 1) : value;
		String padded = switch (digits.length()) {
			case 8 -> digits + "000000";
			case 12 -> digits + "00";
			case 14 -> digits;
			default -> throw new SigningException(file + ":" + line + ": bad time '" + value + "'");
		};
		try {
			LocalDateTime local = LocalDateTime.parse(padded, DateTimeFormatter.ofPattern("yyyyMMddHHmmss"));
			return local.atZone(utc ? ZoneOffset.UTC : ZoneId.systemDefault()).toInstant();
		}
		catch (DateTimeParseException ex) {
			throw new SigningException(file + ":" + line + ": bad time '" + value + "'", ex);
		}
	}

	private static boolean isKeyType(String field) {
		return field.startsWith("ssh-") || field.startsWith("ecdsa-sha2-") || field.startsWith("sk-");
	}

	/** Whitespace-separated fields; spaces inside double quotes do not separate. */
	private static List<String> fields(String text) {
		return split(text, Character::isWhitespace);
	}

	private static List<String> splitOptions(String options) {
		return split(options, c -> c == ',');
	}

	/** The non-empty parts between separators outside double quotes (the quotes stay in the parts). */
	private static List<String> split(String text, java.util.function.IntPredicate separator) {
		List<String> parts = new ArrayList<>();
		StringBuilder part = new StringBuilder();
		boolean quoted = false;
		for (char c : text.toCharArray()) {
			if (c == '"') {
				quoted = !quoted;
			}
			if (!quoted && separator.test(c)) {
				if (!part.isEmpty()) {
					parts.add(part.toString());
					part.setLength(0);
				}
			}
			else {
				part.append(c);
			}
		}
		if (!part.isEmpty()) {
			parts.add(part.toString());
		}
		return parts;
	}

	private static String unquote(String text) {
		return text.length() >= 2 && text.startsWith("\"") && text.endsWith("\"") ? text.substring(1, text.length() - 1)
				: text;
	}

	/** OpenSSH pattern-lists (ssh_config(5), PATTERNS): {@code *} and {@code ?}, {@code !} negates, commas join. */
	static final class PatternList {

		private PatternList() {
		}

		static boolean matches(String value, String list) {
			boolean matched = false;
			for (String pattern : list.split(",")) {
				boolean negated = pattern.startsWith("!");
				String glob = negated ? pattern.substring(1) : pattern;
				if (glob(glob).matcher(value).matches()) {
					if (negated) {
						return false;
					}
					matched = true;
				}
			}
			return matched;
		}

		private static Pattern glob(String glob) {
			StringBuilder regex = new StringBuilder();
			for (char c : glob.toCharArray()) {
				regex.append(c == '*' ? ".*" : c == '?' ? "." : Pattern.quote(String.valueOf(c)));
			}
			return Pattern.compile(regex.toString());
		}

	}

}
