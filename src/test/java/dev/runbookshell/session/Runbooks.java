package dev.runbookshell.session;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.runbookshell.runbook.Annotations;
import dev.runbookshell.runbook.Block;
import dev.runbookshell.runbook.ChecklistItem;
import dev.runbookshell.runbook.Expectation;
import dev.runbookshell.runbook.FrontMatter;
import dev.runbookshell.runbook.Placeholder;
import dev.runbookshell.runbook.Runbook;
import dev.runbookshell.runbook.Section;

/** Hand-built runbooks for engine tests: sections 1 (Prepare), 2 (Migrate) and 9 (Rollback). */
final class Runbooks {

	private final List<Block> blocks = new ArrayList<>();

	private final List<ChecklistItem> checklists = new ArrayList<>();

	private FrontMatter frontMatter = FrontMatter.EMPTY;

	private int line = 10;

	static Runbooks runbook() {
		return new Runbooks();
	}

	Runbooks block(String id, String name, String command, String... annotations) {
		return add(id, name, command, false, List.of(), List.of(), annotations);
	}

	Runbooks rollbackBlock(String id, String name, String command, String... annotations) {
		return add(id, name, command, true, List.of(), List.of(), annotations);
	}

	Runbooks expecting(String id, String name, String command, String expectation) {
		return add(id, name, command, false, List.of(), List.of(new Expectation(expectation, false, this.line)));
	}

	Runbooks withPlaceholder(String id, String name, String command, Placeholder placeholder) {
		return add(id, name, command, false, List.of(placeholder), List.of());
	}

	Runbooks checklist(String text) {
		this.checklists.add(new ChecklistItem(this.line++, text, false, "1"));
		return this;
	}

	Runbooks frontMatter(FrontMatter frontMatter) {
		this.frontMatter = frontMatter;
		return this;
	}

	private Runbooks add(String id, String name, String command, boolean rollback, List<Placeholder> placeholders,
			List<Expectation> expectations, String... annotations) {
		Map<String, String> values = new LinkedHashMap<>();
		for (String pair : annotations) {
			int eq = pair.indexOf('=');
			values.put(pair.substring(0, eq), pair.substring(eq + 1));
		}
		String section = rollback ? "9" : id.substring(0, id.indexOf('.'));
		this.blocks.add(new Block(id, name, this.line, "bash", true, true, section, command + "\n", command,
				hash(command), new Annotations(values), placeholders, expectations, rollback));
		this.line += 5;
		return this;
	}

	Runbook build() {
		List<Section> sections = List.of(new Section("1", "Prepare", 2, 1, false, null),
				new Section("2", "Migrate", 2, 2, false, null), new Section("9", "Rollback", 2, 3, true, null));
		return new Runbook("plan.md", "abc123", "Plan", this.frontMatter, sections, this.blocks, this.checklists);
	}

	static String hash(String command) {
		try {
			return "sha256:" + HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(command.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
