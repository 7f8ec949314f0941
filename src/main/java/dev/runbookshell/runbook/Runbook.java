package dev.runbookshell.runbook;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A parsed runbook: its front matter, heading tree, every code block in document order (executable or not)
 * and its checklist items. Immutable; built only by {@link RunbookParser}. Blocks by id or name and sections by
 * number are looked up in maps built once: a session asks for each block's heading path, and a scan per question
 * made huge runbooks quadratic.
 */
public final class Runbook {

	private final String file;

	private final String sha256;

	private final String title;

	private final FrontMatter frontMatter;

	private final List<Section> sections;

	private final List<Block> blocks;

	private final List<ChecklistItem> checklists;

	private final String rawTitle;

	private final List<Block> executable;

	private final List<Block> flow;

	/** The first executable block of each id and of each name, with its place among the executable blocks. */
	private final Map<String, Integer> executableById = new HashMap<>();

	private final Map<String, Integer> executableByName = new HashMap<>();

	private final Map<String, Section> sectionsByNumber = new HashMap<>();

	/**
	 * @param file the path as given to the parser
	 * @param sha256 lowercase hex sha256 of the file's bytes
	 * @param title the front matter title, else the title heading, else the file name; mojibake repaired
	 * @param frontMatter the YAML front matter, {@link FrontMatter#EMPTY} when absent
	 * @param sections the heading tree in document order (numbered, see {@link Section})
	 * @param blocks every code block, fenced or indented, executable or not, in document order
	 * @param checklists every {@code - [ ]} / {@code - [x]} item in document order
	 * @param rawTitle the title as the file has it
	 */
	public Runbook(String file, String sha256, String title, FrontMatter frontMatter, List<Section> sections,
			List<Block> blocks, List<ChecklistItem> checklists, String rawTitle) {
		this.file = file;
		this.sha256 = sha256;
		this.title = title;
		this.frontMatter = frontMatter;
		this.sections = List.copyOf(sections);
		this.blocks = List.copyOf(blocks);
		this.checklists = List.copyOf(checklists);
		this.rawTitle = rawTitle;
		this.executable = this.blocks.stream().filter(Block::executable).toList();
		this.flow = this.executable.stream().filter(b -> !b.rollback()).toList();
		for (int i = 0; i < this.executable.size(); i++) {
			Block block = this.executable.get(i);
			this.executableById.putIfAbsent(block.id(), i);
			if (block.name() != null) {
				this.executableByName.putIfAbsent(block.name(), i);
			}
		}
		for (Section section : this.sections) {
			this.sectionsByNumber.putIfAbsent(section.number(), section);
		}
	}

	/** A runbook whose title needed no repair. */
	public Runbook(String file, String sha256, String title, FrontMatter frontMatter, List<Section> sections,
			List<Block> blocks, List<ChecklistItem> checklists) {
		this(file, sha256, title, frontMatter, sections, blocks, checklists, title);
	}

	public String file() {
		return this.file;
	}

	public String sha256() {
		return this.sha256;
	}

	public String title() {
		return this.title;
	}

	public FrontMatter frontMatter() {
		return this.frontMatter;
	}

	public List<Section> sections() {
		return this.sections;
	}

	public List<Block> blocks() {
		return this.blocks;
	}

	public List<ChecklistItem> checklists() {
		return this.checklists;
	}

	public String rawTitle() {
		return this.rawTitle;
	}

	/** The executable blocks in document order, rollback sections included. */
	public List<Block> executableBlocks() {
		return this.executable;
	}

	/** The executable blocks of the normal flow: not in a rollback section. */
	public List<Block> flowBlocks() {
		return this.flow;
	}

	/** The first executable block, in document order, whose id or name is {@code idOrName}. */
	public Optional<Block> find(String idOrName) {
		Integer byId = this.executableById.get(idOrName);
		Integer byName = this.executableByName.get(idOrName);
		if (byId == null && byName == null) {
			return Optional.empty();
		}
		int first = byId == null ? byName : byName == null ? byId : Math.min(byId, byName);
		return Optional.of(this.executable.get(first));
	}

	/** The section with this number ({@code "0"} is the part before any heading). */
	public Optional<Section> section(String number) {
		return Optional.ofNullable(this.sectionsByNumber.get(number));
	}

	/** Titles from the top-level section down to {@code sectionNumber}; empty for section 0. */
	public List<String> headingPath(String sectionNumber) {
		List<String> path = new ArrayList<>();
		Optional<Section> current = section(sectionNumber);
		while (current.isPresent()) {
			path.add(current.get().title());
			String parent = current.get().parent();
			current = parent == null ? Optional.empty() : section(parent);
		}
		java.util.Collections.reverse(path);
		return path;
	}

	@Override
	public boolean equals(Object other) {
		return other instanceof Runbook that && Objects.equals(this.file, that.file) && Objects.equals(this.sha256, that.sha256)
				&& Objects.equals(this.title, that.title) && Objects.equals(this.frontMatter, that.frontMatter)
				&& this.sections.equals(that.sections) && this.blocks.equals(that.blocks)
				&& this.checklists.equals(that.checklists) && Objects.equals(this.rawTitle, that.rawTitle);
	}

	@Override
	public int hashCode() {
		return Objects.hash(this.file, this.sha256, this.title, this.frontMatter, this.sections, this.blocks,
				this.checklists, this.rawTitle);
	}

	@Override
	public String toString() {
		return "Runbook[file=" + this.file + ", sha256=" + this.sha256 + ", title=" + this.title + ", sections="
				+ this.sections.size() + ", blocks=" + this.blocks.size() + ", checklists=" + this.checklists.size() + "]";
	}

}
