package dev.runbookshell.config;

import java.time.Clock;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.runbookshell.journal.JournalEvent.ToolRef;
import dev.runbookshell.report.LiveMarkdownLog;
import dev.runbookshell.session.SessionAssembly;
import dev.runbookshell.shell.VersionInfo;
import dev.runbookshell.targets.TargetFactory;

/** The one {@link SessionAssembly} of the tool: this build's version, the system clock, the live Markdown log. */
@Configuration(proxyBeanMethods = false)
public class SessionAssemblyConfiguration {

	@Bean
	public SessionAssembly sessionAssembly(VersionInfo version) {
		// the human Migration Log (.md beside the journal) is re-rendered as blocks finish
		return new SessionAssembly(new TargetFactory()::create, new ToolRef(version.name(), version.version()),
				Clock.systemUTC(), writer -> writer.onProgress(new LiveMarkdownLog(writer.path(), writer.markdownPath())));
	}

}
