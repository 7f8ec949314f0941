package dev.runbookshell.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The tool reads its own properties only: an {@code application.properties} (or {@code config/}) in the folder
 * the operator runs it from belongs to that folder's project, and changes nothing (start-up no longer searches
 * for them either).
 */
class ToolPropertiesIT {

	@TempDir
	Path dir;

	@Test
	void anApplicationPropertiesInTheWorkingFolderChangesNothing() throws Exception {
		Files.writeString(this.dir.resolve("application.properties"),
				"spring.main.banner-mode=console\nspring.shell.interactive.enabled=true\n");
		Files.createDirectories(this.dir.resolve("config"));
		Files.writeString(this.dir.resolve("config/application.properties"), "spring.main.banner-mode=console\n");
		Files.writeString(this.dir.resolve("plan.md"), "# Plan\n\n## Step\n\n```bash\necho hi\n```\n");

		RunbookCli.Result result = RunbookCli.run(this.dir, Duration.ofSeconds(60), "list", "plan.md", "--json");

		assertThat(result.exitCode()).as(result.all()).isZero();
		assertThat(result.all()).doesNotContain("Spring Boot", ":: ");
		assertThat(result.stdout()).startsWith("{").contains("\"echo hi\\n\"");
	}

}
