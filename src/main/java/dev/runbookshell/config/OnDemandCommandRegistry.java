package dev.runbookshell.config;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import org.springframework.context.ApplicationContext;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.shell.core.command.Command;
import org.springframework.shell.core.command.CommandRegistry;
import org.springframework.shell.core.command.annotation.support.CommandFactoryBean;

/**
 * A command registry that builds a command when it is first looked up: a one-shot {@code runbook list} builds
 * the {@code list} command and the bean behind it, not the other twenty commands and theirs (each with its own
 * conversion service). Whatever lists the commands (help, completion, highlighting) gets them all, as from
 * Spring Shell's registry; so does a lookup of a name no annotation declares.
 */
final class OnDemandCommandRegistry extends CommandRegistry {

	private final ApplicationContext context;

	/** Annotated command methods by declared name and alias. */
	private final Map<String, List<Method>> declared = new HashMap<>();

	private final Set<Method> pending;

	private boolean complete;

	OnDemandCommandRegistry(ApplicationContext context, Collection<Method> commandMethods) {
		this.context = context;
		this.pending = new LinkedHashSet<>(commandMethods);
		for (Method method : commandMethods) {
			var annotation = AnnotatedElementUtils.findMergedAnnotation(method,
					org.springframework.shell.core.command.annotation.Command.class);
			List<String> names = new ArrayList<>(List.of(annotation.alias()));
			names.add(String.join(" ", annotation.name()));
			names.forEach(name -> this.declared.computeIfAbsent(name, key -> new ArrayList<>()).add(method));
		}
	}

	@Override
	public synchronized Command getCommandByName(String name) {
		return find(name, super::getCommandByName);
	}

	@Override
	public synchronized Command getCommandByAlias(String name) {
		return find(name, super::getCommandByAlias);
	}

	@Override
	public synchronized Set<Command> getCommands() {
		buildAll();
		return super.getCommands();
	}

	@Override
	public synchronized List<Command> getCommandsByPrefix(String prefix) {
		buildAll();
		return super.getCommandsByPrefix(prefix);
	}

	/** Nothing to collect at start-up: the command beans join when all commands are built. */
	@Override
	public void afterSingletonsInstantiated() {
	}

	/** The command {@code lookup} finds once the ones declaring {@code name} are built, else once all are. */
	private Command find(String name, Function<String, Command> lookup) {
		build(this.declared.getOrDefault(name, List.of()));
		Command command = lookup.apply(name);
		if (command == null) {
			buildAll();
			command = lookup.apply(name);
		}
		return command;
	}

	private void buildAll() {
		if (this.complete) {
			return;
		}
		this.complete = true;
		this.context.getBeansOfType(Command.class).values().forEach(this::registerCommand);
		build(List.copyOf(this.pending));
	}

	private void build(List<Method> methods) {
		for (Method method : methods) {
			if (this.pending.remove(method)) {
				CommandFactoryBean factory = new CommandFactoryBean(method);
				factory.setApplicationContext(this.context);
				registerCommand(factory.getObject());
			}
		}
	}

}
