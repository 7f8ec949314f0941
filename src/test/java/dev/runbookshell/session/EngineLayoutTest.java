package dev.runbookshell.session;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.assignableTo;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.AccessTarget;
import com.tngtech.archunit.core.domain.JavaCall;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

import dev.runbookshell.journal.JournalEvent;

/** Who writes the journal, and which way the engine's packages depend. */
class EngineLayoutTest {

	private static final JavaClasses MAIN = new ClassFileImporter()
		.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.importPackages("dev.runbookshell");

	@Test
	void onlyTheRecorderAppendsToASessionsJournal() {
		noClasses().that().doNotBelongToAnyOf(SessionRecorder.class)
			.should().callMethod(SessionJournal.class, "append", JournalEvent.class)
			.check(MAIN);
	}

	@Test
	void theEngineBuildsJournalEventsOnlyInTheRecorder() {
		noClasses().that().resideInAPackage("dev.runbookshell.session..")
			.and().doNotBelongToAnyOf(SessionRecorder.class)
			.should().callConstructorWhere(
					JavaCall.Predicates.target(AccessTarget.Predicates.declaredIn(assignableTo(JournalEvent.class))))
			.check(MAIN);
	}

	/** SessionAssembly stands above the session: it opens what a RunSession needs and starts one. */
	@Test
	void theWalkAndItsStateDoNotReachBackIntoTheSessionTheyServe() {
		noClasses().that().resideInAPackage("dev.runbookshell.session..")
			.and().doNotBelongToAnyOf(RunSession.class, SessionAssembly.class)
			.should().dependOnClassesThat().belongToAnyOf(RunSession.class)
			.check(MAIN);
	}

	@Test
	void theJournalKnowsNothingOfTheEngineReportsOrShell() {
		noClasses().that().resideInAPackage("dev.runbookshell.journal..")
			.should().dependOnClassesThat().resideInAnyPackage("dev.runbookshell.session..", "dev.runbookshell.report..",
					"dev.runbookshell.shell..")
			.check(MAIN);
	}

}
