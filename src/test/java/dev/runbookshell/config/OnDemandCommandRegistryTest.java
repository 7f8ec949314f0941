package dev.runbookshell.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.shell.core.command.AbstractCommand;
import org.springframework.shell.core.command.Command;
import org.springframework.shell.core.command.CommandContext;
import org.springframework.shell.core.command.CommandRegistry;
import org.springframework.shell.core.command.ExitStatus;
import org.springframework.shell.core.command.annotation.Argument;

/** A one-shot command builds its own command and bean only; listing the commands builds them all. */
class OnDemandCommandRegistryTest {

	static final AtomicInteger reportBeans = new AtomicInteger();

	private final GenericApplicationContext context = new GenericApplicationContext();

	private CommandRegistry registry;

	@AfterEach
	void close() {
		this.context.close();
	}

	private CommandRegistry registry() {
		reportBeans.set(0);
		this.context.registerBean("listingCommands", ListingCommands.class, bd -> bd.setLazyInit(true));
		this.context.registerBean("reportingCommands", ReportingCommands.class, bd -> bd.setLazyInit(true));
		this.context.registerBean("plainCommand", Command.class, PlainCommand::new, bd -> bd.setLazyInit(true));
		this.context.registerBean("validator", UnconstrainedValidator.class);
		this.context.refresh();
		this.registry = new CommandRegistryConfiguration().commandRegistry(this.context);
		return this.registry;
	}

	@Test
	void lookingUpOneCommandBuildsNeitherTheOthersNorTheirBeans() {
		Command list = registry().getCommandByName("list");

		assertThat(list.getName()).isEqualTo("list");
		assertThat(this.context.getBeanFactory().containsSingleton("listingCommands")).isTrue();
		assertThat(this.context.getBeanFactory().containsSingleton("reportingCommands")).isFalse();
		assertThat(this.context.getBeanFactory().containsSingleton("plainCommand")).isFalse();
		assertThat(reportBeans).hasValue(0);
	}

	@Test
	void anAliasFindsItsCommand() {
		assertThat(registry().getCommandByName("ls").getName()).isEqualTo("list");
		assertThat(this.registry.getCommandByAlias("ls").getName()).isEqualTo("list");
	}

	@Test
	void listingTheCommandsGivesThemAllWithTheCommandBeans() {
		assertThat(registry().getCommands()).extracting(Command::getName)
			.containsExactlyInAnyOrder("list", "outline", "report", "plain");
		assertThat(this.registry.getCommandsByPrefix("o")).extracting(Command::getName).containsExactly("outline");
		assertThat(reportBeans).hasValue(1);
	}

	@Test
	void aCommandBeanIsFoundByNameAndAnUnknownNameIsNot() {
		assertThat(registry().getCommandByName("plain").getName()).isEqualTo("plain");
		assertThat(this.registry.getCommandByName("nosuch")).isNull();
		assertThat(this.registry.getCommandByAlias("nosuch")).isNull();
	}

	static class ListingCommands {

		@org.springframework.shell.core.command.annotation.Command(name = "list", alias = "ls", group = "Test",
				description = "list")
		public String list(@Argument(index = 0, description = "file") String file) {
			return "listed " + file;
		}

		@org.springframework.shell.core.command.annotation.Command(name = "outline", group = "Test",
				description = "outline")
		public String outline() {
			return "outline";
		}

	}

	static class ReportingCommands {

		ReportingCommands() {
			reportBeans.incrementAndGet();
		}

		@org.springframework.shell.core.command.annotation.Command(name = "report", group = "Test",
				description = "report")
		public String report() {
			return "report";
		}

	}

	static class PlainCommand extends AbstractCommand {

		PlainCommand() {
			super("plain", "a command bean", "Test");
		}

		@Override
		public ExitStatus doExecute(CommandContext context) {
			return ExitStatus.OK;
		}

	}

}
