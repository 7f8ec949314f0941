package dev.runbookshell.runbook;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.Heading;
import org.commonmark.node.IndentedCodeBlock;
import org.commonmark.node.ListItem;
import org.commonmark.node.Node;
import org.commonmark.node.Paragraph;

/**
 * Turns a commonmark document (parsed with block source spans) into sections, blocks and checklist items.
 * Lines come from the source spans; the caller keeps them equal to file lines. One instance per parse.
 */
final class DocumentReader {

	private static final Set<String> EXECUTABLE = Set.of("bash", "sh", "shell", "zsh", "console");

	private static final Pattern ROLLBACK = Pattern
		.compile("\\b(?:roll[\\s-]?back|revert|back[\\s-]?out)", Pattern.CASE_INSENSITIVE);

	private static final Pattern CHECKBOX = Pattern.compile("^\\[([ xX])\\](?:\\s++([\\s\\S]*))?$");

	private final String fileName;

	private final FrontMatter frontMatter;

	/** Info strings as written, before CommonMark unescapes them. */
	private final InfoLines infoLines;

	private MessageDigest digest;

	private final List<ParseNote> notes = new ArrayList<>();

	private final List<Section> sections = new ArrayList<>();

	private final List<Draft> drafts = new ArrayList<>();

	private final List<ChecklistItem> checklists = new ArrayList<>();

	DocumentReader(String fileName, FrontMatter frontMatter, String source) {
		this.fileName = fileName;
		this.frontMatter = frontMatter;
		this.infoLines = new InfoLines(source);
	}

	ParseResult read(Node document, String sha256) {
		List<Node> nodes = new ArrayList<>();
		collect(document, nodes);
		Heading titleHeading = titleHeading(nodes);
		String rawTitle = this.frontMatter.title() != null ? this.frontMatter.title()
				: titleHeading != null ? HeadingText.asWritten(titleHeading) : fileName();
		String title = TextRepair.repaired(rawTitle);
		walk(nodes, titleHeading);
		boolean somethingBeforeHeadings = this.drafts.stream().anyMatch(d -> d.section.equals("0"))
				|| this.checklists.stream().anyMatch(c -> c.section().equals("0"));
		if (somethingBeforeHeadings) {
			this.sections.add(0, new Section("0", title, 0, 1, false, null, rawTitle));
		}
		List<Block> blocks = blocks(title);
		return new ParseResult(new Runbook(this.fileName, sha256, title, this.frontMatter, this.sections, blocks,
				this.checklists, rawTitle), sortedNotes());
	}

	/** Headings, code blocks and checklist items in document order, wherever they are nested. */
	private static void collect(Node node, List<Node> nodes) {
		for (Node child = node.getFirstChild(); child != null; child = child.getNext()) {
			if (child instanceof Heading || child instanceof FencedCodeBlock || child instanceof IndentedCodeBlock
					|| child instanceof ListItem) {
				nodes.add(child);
			}
			collect(child, nodes);
		}
	}

	/** The first heading when it is the document's only level-1 heading. */
	private static Heading titleHeading(List<Node> nodes) {
		List<Heading> headings = nodes.stream().filter(Heading.class::isInstance).map(Heading.class::cast).toList();
		if (headings.isEmpty() || headings.get(0).getLevel() != 1) {
			return null;
		}
		return headings.stream().filter(h -> h.getLevel() == 1).count() == 1 ? headings.get(0) : null;
	}

	private void walk(List<Node> nodes, Heading titleHeading) {
		List<Frame> open = new ArrayList<>();
		Frame root = new Frame(0, null, false);
		Map<String, Integer> ordinals = new HashMap<>();
		String current = "0";
		for (Node node : nodes) {
			if (node instanceof Heading heading) {
				if (heading == titleHeading) {
					continue;
				}
				while (!open.isEmpty() && open.get(open.size() - 1).level >= heading.getLevel()) {
					open.remove(open.size() - 1);
				}
				Frame parent = open.isEmpty() ? root : open.get(open.size() - 1);
				String number = (parent.number == null ? "" : parent.number + ".") + (++parent.children);
				String raw = HeadingText.asWritten(heading);
				String text = TextRepair.repaired(raw);
				boolean rollback = parent.rollback || ROLLBACK.matcher(text).find();
				this.sections.add(new Section(number, text, heading.getLevel(), line(heading), rollback, parent.number,
						raw));
				open.add(new Frame(heading.getLevel(), number, rollback));
				current = number;
			}
			else if (node instanceof ListItem item) {
				checklistItem(item, current);
			}
			else {
				Draft draft = draft(node, current, open.isEmpty() ? root : open.get(open.size() - 1));
				if (draft.executable) {
					draft.id = current + "." + ordinals.merge(current, 1, Integer::sum);
				}
				this.drafts.add(draft);
			}
		}
	}

	private Draft draft(Node node, String section, Frame frame) {
		Draft draft = new Draft();
		draft.node = node;
		draft.line = line(node);
		draft.section = section;
		draft.rollback = frame.rollback;
		if (node instanceof FencedCodeBlock fenced) {
			InfoString info = InfoString.parse(this.infoLines.raw(fenced));
			draft.fenced = true;
			draft.language = info.language();
			draft.annotations = info.annotations();
			draft.content = fenced.getLiteral();
			info.problems().forEach(p -> this.notes.add(new ParseNote(ParseNote.Kind.BAD_ANNOTATION, draft.line, p)));
			if (fenced.getClosingFenceLength() == null) {
				this.notes.add(new ParseNote(ParseNote.Kind.UNCLOSED_FENCE, draft.line,
						"code block opened here is never closed: it runs to the end of its container"));
			}
		}
		else {
			draft.content = ((IndentedCodeBlock) node).getLiteral();
		}
		draft.command = BlockText.command(draft.language, draft.content);
		draft.executable = draft.fenced && EXECUTABLE.contains(draft.language) && !draft.content.isBlank()
				&& !draft.command.isBlank() && !draft.annotations.ignore();
		return draft;
	}

	private void checklistItem(ListItem item, String section) {
		if (!(item.getFirstChild() instanceof Paragraph paragraph)) {
			return;
		}
		// the box is read from the raw text: only the words after it need inline parsing
		Matcher box = CHECKBOX.matcher(DeferredInlines.raw(paragraph));
		if (box.matches()) {
			String text = box.group(2) == null ? "" : TextRepair.repaired(HeadingText.asWritten(box.group(2)));
			this.checklists.add(new ChecklistItem(line(item), text, !box.group(1).equals(" "), section));
		}
	}

	private List<Block> blocks(String title) {
		List<BlockNames.Request> requests = new ArrayList<>();
		Map<String, String> slugs = new HashMap<>();
		String titleSlug = HeadingText.slug(title);
		slugs.put("0", titleSlug.isEmpty() ? "block" : titleSlug);
		for (Section section : this.sections) {
			String slug = HeadingText.slug(section.title());
			slugs.putIfAbsent(section.number(), slug.isEmpty() ? "section-" + section.number().replace('.', '-') : slug);
		}
		Map<String, Integer> perSection = new HashMap<>();
		this.drafts.stream().filter(d -> d.executable).forEach(d -> perSection.merge(d.section, 1, Integer::sum));
		for (Draft draft : this.drafts) {
			if (draft.executable) {
				String annotated = draft.annotations.name().map(String::strip).orElse(null);
				String fallback = slugs.get(draft.section);
				if (annotated == null && perSection.get(draft.section) > 1) {
					// blocks sharing a heading are named by the list item or sentence that introduces each
					String intro = BlockIntro.name(BlockIntro.candidates(draft.node));
					fallback = intro != null ? intro : fallback;
				}
				requests.add(new BlockNames.Request(annotated, fallback, draft.id, draft.line));
			}
		}
		BlockNames naming = new BlockNames();
		List<String> names = naming.assign(requests);
		this.notes.addAll(naming.notes());
		Set<String> declared = new HashSet<>(this.frontMatter.variables().keySet());
		declared.addAll(this.frontMatter.env().keySet());
		PlaceholderScanner placeholders = new PlaceholderScanner(declared);
		List<Block> blocks = new ArrayList<>();
		int next = 0;
		for (Draft d : this.drafts) {
			String name = d.executable ? names.get(next++) : null;
			List<Placeholder> found = d.executable ? placeholders.scan(d.command) : List.of();
			List<Expectation> expectations = d.executable ? BlockText.expectations(d.annotations, d.content, d.line)
					: List.of();
			blocks.add(new Block(d.id, name, d.line, d.language, d.fenced, d.executable, d.section, d.content,
					d.command, hash(d.command), d.annotations, found, expectations, d.rollback));
		}
		return blocks;
	}

	private List<ParseNote> sortedNotes() {
		List<ParseNote> sorted = new ArrayList<>(this.notes);
		sorted.sort(java.util.Comparator.comparingInt(ParseNote::line));
		return sorted;
	}

	private String fileName() {
		int slash = Math.max(this.fileName.lastIndexOf('/'), this.fileName.lastIndexOf('\\'));
		return this.fileName.substring(slash + 1);
	}

	private static int line(Node node) {
		return node.getSourceSpans().isEmpty() ? 1 : node.getSourceSpans().get(0).getLineIndex() + 1;
	}

	/** Like {@link #sha256} with one digest for the whole parse: looking one up per block costs more than hashing. */
	private String hash(String text) {
		if (this.digest == null) {
			this.digest = digest();
		}
		return "sha256:" + HexFormat.of().formatHex(this.digest.digest(text.getBytes(StandardCharsets.UTF_8)));
	}

	static String sha256(String text) {
		return "sha256:" + hex(text.getBytes(StandardCharsets.UTF_8));
	}

	static String hex(byte[] bytes) {
		return HexFormat.of().formatHex(digest().digest(bytes));
	}

	private static MessageDigest digest() {
		try {
			return MessageDigest.getInstance("SHA-256");
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("every JVM has SHA-256", ex);
		}
	}

	/** An open heading while walking: children counted to number the next child. */
	private static final class Frame {

		final int level;

		final String number;

		final boolean rollback;

		int children;

		Frame(int level, String number, boolean rollback) {
			this.level = level;
			this.number = number;
			this.rollback = rollback;
		}

	}

	/** A block before its name is known (names need every block's annotations). */
	private static final class Draft {

		Node node;

		String id;

		int line;

		String section;

		String language = "";

		boolean fenced;

		boolean executable;

		boolean rollback;

		String content;

		String command;

		Annotations annotations = Annotations.NONE;

	}

}
