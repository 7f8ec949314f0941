package dev.runbookshell.shell;

import java.util.ArrayList;
import java.util.List;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.shell.core.command.completion.CompletionProposal;
import org.springframework.shell.core.command.completion.CompletionProvider;

import dev.runbookshell.runbook.Block;
import dev.runbookshell.runbook.Runbook;

/** Tab completion for the session commands: block ids and names, target names. */
@Configuration(proxyBeanMethods = false)
public class SessionCompletions {

	@Bean
	public CompletionProvider blockCompletion(CurrentRunbook current) {
		return context -> {
			List<CompletionProposal> proposals = new ArrayList<>();
			current.get().ifPresent(runbook -> {
				for (Block block : runbook.executableBlocks()) {
					proposals.add(new CompletionProposal(block.id()).description(block.name()));
					proposals.add(new CompletionProposal(block.name()).description(block.id()));
				}
			});
			return proposals;
		};
	}

	@Bean
	public CompletionProvider targetCompletion(CurrentRunbook current) {
		return context -> {
			List<CompletionProposal> proposals = new ArrayList<>();
			proposals.add(new CompletionProposal("local"));
			current.get().map(Runbook::frontMatter).ifPresent(fm -> fm.targets().values()
				.forEach(spec -> proposals.add(new CompletionProposal(spec.name()).description(spec.uri()))));
			return proposals;
		};
	}

}
