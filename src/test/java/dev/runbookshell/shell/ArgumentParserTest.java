package dev.runbookshell.shell;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.shell.core.command.Command;
import org.springframework.shell.core.command.CommandOption;
import org.springframework.shell.core.command.ParsedInput;

class ArgumentParserTest {

	private final Command run = Command.builder()
		.name("run")
		.options(CommandOption.with().longName("yes").type(Boolean.class).build(),
				CommandOption.with().longName("target").shortName('t').type(String.class).build(),
				CommandOption.with().longName("var").type(String.class).build())
		.execute(context -> {
		});

	@Test
	void positionalArgumentsKeepTheirSpacesAndQuotes() {
		ParsedInput parsed = ArgumentParser.parse(this.run, List.of("my runbook.md", "it's"));
		assertThat(parsed.arguments()).extracting(a -> a.value()).containsExactly("my runbook.md", "it's");
	}

	@Test
	void aBooleanOptionNeedsNoValue() {
		ParsedInput parsed = ArgumentParser.parse(this.run, List.of("file.md", "--yes"));
		assertThat(parsed.options()).singleElement().satisfies(o -> {
			assertThat(o.longName()).isEqualTo("yes");
			assertThat(o.value()).isEqualTo("true");
		});
		assertThat(parsed.arguments()).hasSize(1);
	}

	@Test
	void anOptionTakesTheNextWordOrTheTextAfterEquals() {
		ParsedInput parsed = ArgumentParser.parse(this.run, List.of("--target", "ssh://a@b", "--var=K=V w"));
		assertThat(parsed.options()).extracting(o -> o.longName() + "=" + o.value())
			.containsExactly("target=ssh://a@b", "var=K=V w");
	}

	@Test
	void repeatedOptionsAreAllKept() {
		ParsedInput parsed = ArgumentParser.parse(this.run, List.of("--var", "A=1", "--var", "B=2"));
		assertThat(parsed.options()).extracting(CommandOption::value).containsExactly("A=1", "B=2");
	}

	@Test
	void aShortOptionIsMappedToItsLongName() {
		ParsedInput parsed = ArgumentParser.parse(this.run, List.of("-t", "local"));
		assertThat(parsed.options()).singleElement().extracting(CommandOption::longName).isEqualTo("target");
	}

	@Test
	void anUnknownOptionIsAUsageErrorNamingIt() {
		assertThatThrownBy(() -> ArgumentParser.parse(this.run, List.of("--yez")))
			.isInstanceOfSatisfying(CliException.class, e -> {
				assertThat(e.exitCode()).isEqualTo(ExitCode.USAGE);
				assertThat(e.getMessage()).contains("--yez").contains("run");
			});
	}

	@Test
	void anOptionWithoutItsValueIsAUsageError() {
		assertThatThrownBy(() -> ArgumentParser.parse(this.run, List.of("--target")))
			.isInstanceOf(CliException.class)
			.hasMessageContaining("--target")
			.hasMessageContaining("needs a value");
	}

	@Test
	void wordsAfterADoubleDashAreArgumentsEvenWhenTheyLookLikeOptions() {
		ParsedInput parsed = ArgumentParser.parse(this.run, List.of("--", "--yes"));
		assertThat(parsed.options()).isEmpty();
		assertThat(parsed.arguments()).extracting(a -> a.value()).containsExactly("--yes");
	}

}
