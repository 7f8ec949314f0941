package dev.runbookshell.ansible;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.runbookshell.ansible.TaskScript.Shell;
import dev.runbookshell.runbook.Block;
import dev.runbookshell.runbook.Runbook;
import dev.runbookshell.runbook.RunbookParser;

/**
 * The exported task scripts run by the real bash (and sh) one after the other, as Ansible runs them: each as
 * {@code bash -c SCRIPT} in a new process, with the environment and stdin the task would give it.
 */
class TaskScriptTest {

	/** POSIX sh without an ERR trap, as Debian's /bin/sh. */
	private static final String DASH = "/usr/bin/dash";

	private static final String BUSYBOX = "/usr/bin/busybox";

	@TempDir
	Path home;

	private Path state;

	@BeforeEach
	void stateFolder() {
		this.state = this.home.resolve("states/t/host");
	}

	record Ran(int exit, String stdout, String stderr) {
	}

	private static Runbook parse(String markdown) throws Exception {
		return new RunbookParser().parse("runbooks/t.md", markdown);
	}

	private Ran run(Block block, boolean fresh, Shell shell, Map<String, String> env, List<String> secrets,
			String stdin) throws IOException, InterruptedException {
		return run(block, fresh, shell, shell.executable(), env, secrets, stdin);
	}

	/** @param executable the shell that runs the script: Ansible's {@code executable} */
	private Ran run(Block block, boolean fresh, Shell shell, String executable, Map<String, String> env,
			List<String> secrets, String stdin) throws IOException, InterruptedException {
		TaskScript.Spec spec = new TaskScript.Spec(block, block.command(), "runbooks/t.md", "t", fresh, true,
				!block.annotations().get("errexit").orElse("").equals("false"),
				List.copyOf(env.keySet()), secrets, List.of(),
				block.annotations().timeout().map(java.time.Duration::toSeconds).orElse(0L));
		ProcessBuilder builder = new ProcessBuilder(executable, "-c", TaskScript.of(spec, shell))
			.directory(this.home.toFile());
		builder.environment().put("HOME", this.home.toString());
		builder.environment().put("RUNBOOK_STATE_DIR", this.home.resolve("states").toString());
		builder.environment().putAll(env);
		Path out = this.home.resolve(".out");
		Path err = this.home.resolve(".err");
		builder.redirectOutput(out.toFile()).redirectError(err.toFile());
		Process process = builder.start();
		try (OutputStream in = process.getOutputStream()) {
			in.write(stdin.getBytes(StandardCharsets.UTF_8));
		}
		assertThat(process.waitFor(30, TimeUnit.SECONDS)).as("the task script ends").isTrue();
		return new Ran(process.exitValue(), Files.readString(out), Files.readString(err));
	}

	private Ran run(Block block, boolean fresh) throws IOException, InterruptedException {
		return run(block, fresh, Shell.BASH, Map.of(), List.of(), "");
	}

	@Test
	void cdExportsVariablesAndFunctionsCarryFromTaskToTask() throws Exception {
		Runbook runbook = parse("""
				# T

				```bash
				mkdir -p work && cd work
				export GREETING=hello
				PLAIN=kept
				declare -A MAP=([k]=v)
				greet() { echo "$GREETING $1 from ${PWD##*/} ($PLAIN, ${MAP[k]})"; }
				set -o pipefail
				umask 027
				```

				```bash
				greet you
				set -o | grep pipefail
				umask
				```
				""");

		assertThat(run(runbook.executableBlocks().get(0), true).exit()).isZero();
		Ran second = run(runbook.executableBlocks().get(1), false);

		assertThat(second.stdout()).matches("hello you from work \\(kept, v\\)\npipefail\\s+on\n0027\n");
		assertThat(second.exit()).isZero();
		assertThat(java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(this.state)))
			.isEqualTo("rwx------");
		assertThat(java.nio.file.attribute.PosixFilePermissions.toString(
				Files.getPosixFilePermissions(this.state.resolve("state.bash")))).isEqualTo("rw-------");
	}

	@Test
	void theFirstBlockOfARunStartsFreshWhateverAnEarlierRunLeft() throws Exception {
		Runbook runbook = parse("""
				```bash
				export LEFT=over
				```

				```bash
				echo "left=${LEFT-none}"
				```
				""");
		run(runbook.executableBlocks().get(0), true);

		assertThat(run(runbook.executableBlocks().get(1), true).stdout()).isEqualTo("left=none\n");
	}

	@Test
	void aBlockStopsAtItsFirstFailedCommandNamingTheRunbookLineCommandAndExitCode() throws Exception {
		Runbook runbook = parse("""
				# T

				```bash
				echo before
				no-such-command --flag
				echo after
				```
				""");

		Block block = runbook.executableBlocks().get(0);
		Ran ran = run(block, true);

		assertThat(ran.exit()).isEqualTo(127);
		assertThat(ran.stdout()).startsWith("before\n").doesNotContain("after")
			.containsPattern("(?m)^/.*/runbook-shell\\.[A-Za-z0-9]{6}/t\\.md: line 5: no-such-command: command not found\n");
		assertThat(ran.stderr()).isEqualTo("runbook-shell: runbooks/t.md:5: " + block.label() + " stopped at its first "
				+ "failed command (exit 127: command not found): no-such-command --flag\n");
	}

	@Test
	void testedCommandsAndAllButTheLastOfAPipelineAreNotFailuresButPipefailAndFunctionsAre() throws Exception {
		Runbook runbook = parse("""
				```bash
				if false; then :; fi
				false && true
				false || true
				! false
				false | true
				echo still-here
				check() {
				  false
				  echo never
				}
				check
				echo not-reached
				```
				""");

		Ran ran = run(runbook.executableBlocks().get(0), true);

		assertThat(ran.stdout()).isEqualTo("still-here\n");
		assertThat(ran.exit()).isEqualTo(1);
		assertThat(ran.stderr()).contains("runbooks/t.md:9:").endsWith("(exit 1): false\n");
	}

	@Test
	void errexitFalseRunsOnAndNamesEachFailedCommandAsAWarningAFunctionsCallAgainAsInRunbookShell() throws Exception {
		Runbook runbook = parse("""
				```bash {errexit=false}
				false
				last() {
				  false
				}
				last
				echo on
				```
				""");

		Block block = runbook.executableBlocks().get(0);
		Ran ran = run(block, true);

		assertThat(ran.stdout()).isEqualTo("on\n");
		assertThat(ran.exit()).isZero();
		// bash's ERR trap fires for the function's last command and again for the call, which then still names it
		assertThat(ran.stderr().lines().toList()).containsExactly(
				"runbook-shell: warning: runbooks/t.md:2: command failed (exit 1): false",
				"runbook-shell: warning: runbooks/t.md:4: command failed (exit 1): false",
				"runbook-shell: warning: runbooks/t.md:6: command failed (exit 1): false",
				"runbook-shell: warning: " + block.label() + " went on after 3 failed commands (errexit=false)");
	}

	@Test
	void aSubshellCountsByItsStatusNotByTheCommandsInside() throws Exception {
		Runbook runbook = parse("""
				```bash
				( echo in; false; echo still-in )
				x=$(false; echo out)
				echo "after $x"
				( false )
				echo never
				```
				""");

		Block block = runbook.executableBlocks().get(0);
		Ran ran = run(block, true);

		assertThat(ran.stdout()).isEqualTo("in\nstill-in\nafter out\n");
		assertThat(ran.exit()).isEqualTo(1);
		assertThat(ran.stderr()).isEqualTo("runbook-shell: runbooks/t.md:5: " + block.label()
				+ " stopped at its first failed command (exit 1): ( false )\n");
	}

	@Test
	void setEWrittenByABlockStopsItAndTheNextOneAtTheirFirstFailedCommandAsInRunbookShell() throws Exception {
		Runbook runbook = parse("""
				```bash {errexit=false}
				set -e
				false
				echo never
				```

				```bash {errexit=false}
				false
				echo never
				```

				```bash
				set +e
				echo off
				```
				""");
		List<Block> blocks = runbook.executableBlocks();

		Ran first = run(blocks.get(0), true);
		Ran second = run(blocks.get(1), false);
		Ran third = run(blocks.get(2), false);

		assertThat(first.exit()).isEqualTo(1);
		assertThat(first.stdout()).isEmpty();
		assertThat(first.stderr()).isEqualTo("runbook-shell: runbooks/t.md:3: " + blocks.get(0).label()
				+ " stopped at its first failed command (exit 1): false\n");
		assertThat(second.exit()).isEqualTo(1);
		assertThat(second.stderr()).contains("runbooks/t.md:8: " + blocks.get(1).label() + " stopped at its first");
		assertThat(third.stdout()).isEqualTo("off\n");
		assertThat(third.exit()).isZero();
	}

	@Test
	void aFailedCommandUnderXtraceTracesNoneOfTheTasksOwnLines() throws Exception {
		Runbook runbook = parse("""
				```bash {errexit=false}
				set -x
				false
				echo on
				```
				""");

		Ran ran = run(runbook.executableBlocks().get(0), true);

		assertThat(ran.stdout()).isEqualTo("++ false\n++ echo on\non\n");
	}

	@Test
	void aFailedCommandSpanningLinesIsNamedOnOneLineAsInRunbookShell() throws Exception {
		Runbook runbook = parse("""
				```bash
				sh -c 'exit 3
				'
				```
				""");

		Ran ran = run(runbook.executableBlocks().get(0), true);

		assertThat(ran.stderr()).endsWith("(exit 3): sh -c 'exit 3 '\n");
	}

	@Test
	void anAcceptedExitCodeIsNotAFailure() throws Exception {
		Runbook runbook = parse("""
				```bash {exit=0,1}
				grep -q nothing /dev/null
				echo went-on
				```
				""");

		Ran ran = run(runbook.executableBlocks().get(0), true);

		assertThat(ran.stdout()).isEqualTo("went-on\n");
		assertThat(ran.stderr()).isEmpty();
	}

	@Test
	void aBlockThatEndsItsShellLeavesTheNextOneAFreshShellWithAWarning() throws Exception {
		Runbook runbook = parse("""
				```bash
				export KEPT=yes
				```

				```bash
				exit 3
				```

				```bash
				echo "kept=${KEPT-lost}"
				```
				""");
		run(runbook.executableBlocks().get(0), true);

		Ran exited = run(runbook.executableBlocks().get(1), false);
		Ran after = run(runbook.executableBlocks().get(2), false);

		assertThat(exited.exit()).isEqualTo(3);
		assertThat(exited.stderr()).contains(runbook.executableBlocks().get(1).label()
				+ " ended the shell (exit 3): the next block gets a fresh shell");
		assertThat(after.stdout()).isEqualTo("kept=lost\n");
	}

	@Test
	void aSecretComesOnStdinAndNeitherItNorAVariableHoldingItIsSaved() throws Exception {
		Runbook runbook = parse("""
				```bash
				export PGPASSWORD="pw:$DB_PASSWORD"
				export OTHER=plain
				echo "length ${#DB_PASSWORD}"
				```

				```bash
				echo "${PGPASSWORD-gone} ${OTHER}"
				```
				""");
		String stdin = "DB_PASSWORD " + java.util.Base64.getEncoder().encodeToString("s3cr3t value".getBytes()) + "\n";

		Ran first = run(runbook.executableBlocks().get(0), true, Shell.BASH, Map.of(), List.of("DB_PASSWORD"), stdin);
		Ran second = run(runbook.executableBlocks().get(1), false);

		assertThat(first.stdout()).isEqualTo("length 12\n");
		assertThat(second.stdout()).isEqualTo("gone plain\n");
		assertThat(Files.readString(this.state.resolve("state.bash"))).doesNotContain("s3cr3t");
	}

	@Test
	void theRunbooksVariablesComeFromTheTaskNotFromTheState() throws Exception {
		Runbook runbook = parse("""
				```bash
				export GREETING=changed-by-block
				```

				```bash
				echo "$GREETING"
				```
				""");
		run(runbook.executableBlocks().get(0), true, Shell.BASH, Map.of("GREETING", "from-ansible"), List.of(), "");

		Ran second = run(runbook.executableBlocks().get(1), false, Shell.BASH, Map.of("GREETING", "from-ansible"),
				List.of(), "");

		assertThat(second.stdout()).isEqualTo("from-ansible\n");
	}

	@Test
	void xtraceCarriesOverAndTracesOnlyTheBlock() throws Exception {
		Runbook runbook = parse("""
				```bash
				set -x
				```

				```bash
				echo traced
				```
				""");
		run(runbook.executableBlocks().get(0), true);

		Ran second = run(runbook.executableBlocks().get(1), false);

		assertThat(second.stdout()).isEqualTo("++ echo traced\ntraced\n");
		assertThat(second.stderr()).isEmpty();
	}

	@Test
	void cwdRunsTheBlockThereAndReturns() throws Exception {
		Files.createDirectories(this.home.resolve("elsewhere"));
		Runbook runbook = parse("""
				```bash {cwd=elsewhere}
				pwd
				```

				```bash
				pwd
				```
				""");

		Ran inside = run(runbook.executableBlocks().get(0), true);
		Ran after = run(runbook.executableBlocks().get(1), false);

		assertThat(inside.stdout()).isEqualTo(this.home.toRealPath().resolve("elsewhere") + "\n");
		assertThat(after.stdout()).isEqualTo(this.home.toRealPath() + "\n");
	}

	@Test
	void aMissingCwdFailsTheBlockAtItsFenceLineAsInRunbookShell() throws Exception {
		Runbook runbook = parse("""
				# T

				```bash {cwd=no-such-folder}
				echo never
				```
				""");

		Ran ran = run(runbook.executableBlocks().get(0), true);

		assertThat(ran.exit()).isEqualTo(1);
		assertThat(ran.stdout()).matches("/.*/runbook-shell\\.[A-Za-z0-9]{6}/t\\.md: line 3: cd: no-such-folder: No such file or directory\n");
		assertThat(ran.stderr()).isEmpty();
	}

	@Test
	void aBlockPastItsTimeoutIsInterruptedKeepingItsOutputAndTheShellsStateAsInRunbookShell() throws Exception {
		Runbook runbook = parse("""
				```bash {timeout=1s}
				export KEPT=yes
				echo started
				sleep 60
				echo never
				```

				```bash
				echo "kept=$KEPT"
				```
				""");
		List<Block> blocks = runbook.executableBlocks();

		Ran slow = run(blocks.get(0), true);
		Ran next = run(blocks.get(1), false);

		assertThat(slow.exit()).isEqualTo(130);
		assertThat(slow.stdout()).isEqualTo("started\n");
		assertThat(slow.stderr()).isEqualTo("runbook-shell: " + blocks.get(0).label()
				+ " timed out after 1s and was interrupted\n");
		assertThat(next.stdout()).isEqualTo("kept=yes\n");
	}

	@Test
	void aConsoleBlocksFailureNamesTheLineItIsOnInTheRunbook() throws Exception {
		Runbook runbook = parse("""
				```console
				$ echo one
				one
				$ no-such-command
				```
				""");

		Ran ran = run(runbook.executableBlocks().get(0), true);

		assertThat(ran.stdout()).startsWith("one\n");
		assertThat(ran.stderr()).contains("runbooks/t.md:4:");
	}

	@Test
	void underShStateCarriesAndABlockIsJudgedByItsLastCommandWhereShHasNoErrTrapAsInRunbookShell() throws Exception {
		Runbook runbook = parse("""
				```sh
				mkdir -p work && cd work
				export GREETING=hello
				```

				```sh
				echo "$GREETING from ${PWD##*/}"
				false
				echo went-on
				```

				```sh
				false
				```
				""");
		List<Block> blocks = runbook.executableBlocks();
		run(blocks.get(0), true, Shell.SH, DASH, Map.of(), List.of(), "");

		Ran second = run(blocks.get(1), false, Shell.SH, DASH, Map.of(), List.of(), "");
		Ran third = run(blocks.get(2), false, Shell.SH, DASH, Map.of(), List.of(), "");

		assertThat(second.stdout()).isEqualTo("hello from work\nwent-on\n");
		assertThat(second.exit()).isZero();
		assertThat(second.stderr()).isEmpty();
		assertThat(third.exit()).isEqualTo(1);
		assertThat(third.stderr()).isEmpty();
	}

	@Test
	void underBusyboxShABlockStopsAtItsFirstFailedCommandNamingItsLineAndText() throws Exception {
		assertThat(Path.of(BUSYBOX)).as("busybox (package busybox-static)").isExecutable();
		Path sh = this.home.resolve("bin/sh");
		Files.createDirectories(sh.getParent());
		Files.createSymbolicLink(sh, Path.of(BUSYBOX));
		Runbook runbook = parse("""
				```sh
				set -e
				cd /
				```

				```sh {errexit=false}
				echo "in ${PWD}"
				false
				echo never
				```

				```sh {errexit=false}
				set +e
				( echo sub; false; echo sub-after )
				check() { false; }
				check
				echo went-on
				```
				""");
		List<Block> blocks = runbook.executableBlocks();
		run(blocks.get(0), true, Shell.SH, sh.toString(), Map.of(), List.of(), "");

		Ran second = run(blocks.get(1), false, Shell.SH, sh.toString(), Map.of(), List.of(), "");
		Ran third = run(blocks.get(2), false, Shell.SH, sh.toString(), Map.of(), List.of(), "");

		assertThat(second.stdout()).isEqualTo("in /\n");
		assertThat(second.exit()).isEqualTo(1);
		assertThat(second.stderr()).isEqualTo("runbook-shell: runbooks/t.md:8: " + blocks.get(1).label()
				+ " stopped at its first failed command (exit 1): false\n");
		assertThat(third.stdout()).isEqualTo("sub\nsub-after\nwent-on\n");
		assertThat(third.exit()).isZero();
		assertThat(third.stderr().lines().toList()).containsExactly(
				"runbook-shell: warning: runbooks/t.md:15: command failed (exit 1): check() { false; }",
				"runbook-shell: warning: runbooks/t.md:16: command failed (exit 1): check",
				"runbook-shell: warning: " + blocks.get(2).label() + " went on after 2 failed commands (errexit=false)");
	}

}
