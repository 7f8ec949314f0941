package dev.runbookshell.runbook;

import org.commonmark.node.Block;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.Heading;
import org.commonmark.node.IndentedCodeBlock;
import org.commonmark.node.ListItem;
import org.commonmark.node.Node;
import org.commonmark.node.Paragraph;
import org.commonmark.node.Text;
import org.commonmark.parser.InlineParser;
import org.commonmark.parser.InlineParserContext;
import org.commonmark.parser.InlineParserFactory;
import org.commonmark.parser.SourceLines;

/**
 * The inline parser of the document pass: it parses no emphasis, links or code spans at all, it keeps the
 * raw inline text (one {@link Text} node) of the blocks whose words a runbook needs (headings, a list item's
 * first paragraph, the paragraph just before a code block) and drops the rest. CommonMark's inline parsing is
 * superlinear on some inputs ({@code **Step *_*_*_...}) and builds a node per delimiter; a runbook needs block
 * structure and a few short texts, which {@link HeadingText} parses one at a time, bounded.
 */
final class DeferredInlines implements InlineParser {

	/** For {@link org.commonmark.parser.Parser.Builder#inlineParserFactory}. */
	static final InlineParserFactory FACTORY = new InlineParserFactory() {
		@Override
		public InlineParser create(InlineParserContext context) {
			return new DeferredInlines();
		}
	};

	@Override
	public void parse(SourceLines lines, Node block) {
		if (block instanceof Heading || block instanceof Paragraph && isRead((Paragraph) block)) {
			block.appendChild(new Text(lines.getContent()));
		}
	}

	private static boolean isRead(Paragraph paragraph) {
		Node parent = paragraph.getParent();
		Node next = paragraph.getNext();
		return parent instanceof ListItem && paragraph.getPrevious() == null || next instanceof FencedCodeBlock
				|| next instanceof IndentedCodeBlock;
	}

	/** The raw inline text kept for {@code block}, "" when none was. */
	static String raw(Block block) {
		return block.getFirstChild() instanceof Text text ? text.getLiteral() : "";
	}

}
