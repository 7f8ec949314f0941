package dev.runbookshell.fleet;

import java.nio.file.Path;

import dev.runbookshell.targets.TargetDefinition;

/**
 * One host of a fleet run.
 *
 * @param definition its target (its name is the host's name in output, journals and the index)
 * @param batch 1-based batch it runs in
 * @param resume its journal to continue ({@code --resume} of a fleet index), or null for a new one
 */
public record FleetHost(TargetDefinition definition, int batch, Path resume) {

	public String name() {
		return this.definition.name();
	}

}
