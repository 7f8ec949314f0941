package dev.runbookshell.targets;

import java.util.Map;

/**
 * What a target is made from: a name, a URI and options (from front matter or the URI query).
 *
 * @param name the operator's name for it
 * @param uri {@code local}, {@code ssh://user@host:port}, {@code docker://container}, {@code docker+image://image}
 * @param options identity, known-hosts, proxy-jump, password-var, shell, cwd ...
 */
public record TargetDefinition(String name, String uri, Map<String, String> options) {

	public TargetDefinition {
		options = Map.copyOf(options);
	}

}
