package dev.runbookshell.ansible;

import java.util.List;

import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.representer.Representer;

/**
 * Writes playbooks and inventories as YAML (SnakeYAML): block style, maps in insertion order, strings quoted
 * wherever YAML would read them as something else ({@code 3.1}, {@code yes}), and {@link Unsafe} text tagged
 * {@code !unsafe} so that Ansible never templates it. A header of comment lines can go before the document.
 */
final class YamlText {

	private final Yaml yaml;

	YamlText() {
		DumperOptions options = new DumperOptions();
		options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
		options.setIndent(2);
		options.setIndicatorIndent(2);
		options.setIndentWithIndicator(true);
		options.setWidth(120);
		options.setSplitLines(false);
		this.yaml = new Yaml(new UnsafeRepresenter(options), options);
	}

	/**
	 * Text Ansible must take as it is: a block's script, a runbook's literal value. Multi-line text is written as a
	 * literal block where YAML allows one (no tabs, no trailing spaces), else double-quoted.
	 */
	record Unsafe(String text) {
	}

	/** {@code document} (maps, lists, strings, numbers, booleans, {@link Unsafe}) after {@code header}'s lines as comments. */
	String write(List<String> header, Object document) {
		StringBuilder text = new StringBuilder();
		for (String line : header) {
			text.append(line.isEmpty() ? "#" : "# " + line).append('\n');
		}
		return text.append(this.yaml.dump(document)).toString();
	}

	private static final class UnsafeRepresenter extends Representer {

		private static final Tag UNSAFE = new Tag("!unsafe");

		UnsafeRepresenter(DumperOptions options) {
			super(options);
			this.representers.put(Unsafe.class, data -> {
				String text = ((Unsafe) data).text();
				DumperOptions.ScalarStyle style = text.indexOf('\n') >= 0 ? DumperOptions.ScalarStyle.LITERAL
						: DumperOptions.ScalarStyle.PLAIN;
				return representScalar(UNSAFE, text, style);
			});
		}

	}

}
