package dev.runbookshell.runbook;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A parsed runbook: its front matter, heading tree, every code block in document order (executable or not)
 * and its checklist items. Immutable; built only by {@link RunbookParser}.
 *
 * @param file the path as given to the parser
 * @param sha256 lowercase hex sha256 of the file's bytes
 * @param title the front matter title, else the title heading, else the file name; mojibake repaired
 * @param frontMatter the YAML front matter, {@link FrontMatter#EMPTY} when absent
 * @param sections the heading tree in document order (numbered, see {@link Section})
 * @param blocks every code block, fenced or indented, executable or not, in document order
 * @param checklists every {@code - [ ]} / {@code - [x]} item in document order
 * @param rawTitle the title as the file has it
 */
public record Runbook(String file, String sha256, String title, FrontMatter frontMatter, List<Section> sections,
		List<Block> blocks, List<ChecklistItem> checklists, String rawTitle) {

	public Runbook {
		sections = List.copyOf(sections);
		blocks = List.copyOf(blocks);
		checklists = List.copyOf(checklists);
	}

	/** A runbook whose title needed no repair. */
	public Runbook(String file, String sha256, String title, FrontMatter frontMatter, List<Section> sections,
			List<Block> blocks, List<ChecklistItem> checklists) {
		this(file, sha256, title, frontMatter, sections, blocks, checklists, title);
	}

	/** The executable blocks in document order, rollback sections included. */
	public List<Block> executableBlocks() {
		return this.blocks.stream().filter(Block::executable).toList();
	}

	/** The executable blocks of the normal flow: not in a rollback section. */
	public List<Block> flowBlocks() {
		return this.blocks.stream().filter(b -> b.executable() && !b.rollback()).toList();
	}

	/** An executable block addressed by id ({@code 4.1.2}) or name ({@code backup-db}). */
	public Optional<Block> find(String idOrName) {
		for (Block block : this.blocks) {
			if (block.executable() && (idOrName.equals(block.id()) || idOrName.equals(block.name()))) {
				return Optional.of(block);
			}
		}
		return Optional.empty();
	}

	/** The section with this number ({@code "0"} is the part before any heading). */
	public Optional<Section> section(String number) {
		return this.sections.stream().filter(s -> s.number().equals(number)).findFirst();
	}

	/** Titles from the top-level section down to {@code sectionNumber}; empty for section 0. */
	public List<String> headingPath(String sectionNumber) {
		List<String> path = new ArrayList<>();
		Optional<Section> current = section(sectionNumber);
		while (current.isPresent()) {
			path.add(0, current.get().title());
			String parent = current.get().parent();
			current = parent == null ? Optional.empty() : section(parent);
		}
		return path;
	}

}
