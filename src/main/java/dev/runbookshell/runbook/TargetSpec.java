package dev.runbookshell.runbook;

import java.util.Map;

/**
 * A target declared in front matter: {@code targets: {prod: {uri: ssh://deploy@db1:22, identity: ~/.ssh/id}}}
 * or the short form {@code targets: {prod: ssh://deploy@db1}}.
 *
 * @param name the key
 * @param uri {@code local}, {@code ssh://...}, {@code docker://...} or {@code docker+image://...}
 * @param options every other key (identity, known-hosts, proxy-jump, password-var, ...)
 */
public record TargetSpec(String name, String uri, Map<String, String> options) {

	public TargetSpec {
		options = Map.copyOf(options);
	}

}
